package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.venue.VenueId;

class SpecContextTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  /** A context that declares USD and ETH, the oracle fast-feed, and no venues. */
  private static final SpecContext CONTEXT =
      new SpecContext() {
        @Override
        public AssetId baseCurrency() {
          return USD;
        }

        @Override
        public Optional<Asset> asset(AssetId id) {
          if (id.equals(USD)) {
            return Optional.of(new Asset(USD, AssetKind.BASE));
          }
          return id.equals(ETH) ? Optional.of(new Asset(ETH, AssetKind.SPOT)) : Optional.empty();
        }

        @Override
        public Set<AssetId> assetIds() {
          return new LinkedHashSet<>(List.of(USD, ETH));
        }

        @Override
        public Set<OracleId> oracleIds() {
          return Set.of(OracleId.of("fast-feed"));
        }

        @Override
        public Optional<VenueSpec> venue(VenueId id) {
          return Optional.empty();
        }

        @Override
        public Set<VenueId> venueIds() {
          return Set.of();
        }
      };

  @Test
  void test_assetRef_knownIdResolves() {
    SpecNode node = SpecNode.root(map("asset", "ETH"), new Problems());
    assertEquals(ETH, CONTEXT.assetRef(node, "asset"));
    assertTrue(node.problems().isEmpty());
  }

  @Test
  void test_assetRef_unknownOrMalformedIdListsDeclaredAssets() {
    SpecNode node = SpecNode.root(map("a", "BTC", "b", "not an id"), new Problems());
    assertNull(CONTEXT.assetRef(node, "a"));
    assertNull(CONTEXT.assetRef(node, "b"));
    assertNull(CONTEXT.assetRef(node, "c"));
    assertEquals(
        List.of(
            new Problem("a", "unknown asset 'BTC' (declared: USD, ETH)"),
            new Problem("b", "unknown asset 'not an id' (declared: USD, ETH)"),
            new Problem("c", "is required")),
        node.problems().all());
  }

  @Test
  void test_oracleRefAndVenueRef_unknownIdsListDeclaredOnesOrNone() {
    SpecNode node = SpecNode.root(map("oracle", "slow-feed", "venue", "perp-a"), new Problems());
    assertNull(CONTEXT.oracleRef(node, "oracle"));
    assertNull(CONTEXT.venueRef(node, "venue"));
    assertEquals(
        List.of(
            new Problem("oracle", "unknown oracle 'slow-feed' (declared: fast-feed)"),
            new Problem("venue", "unknown venue 'perp-a' (declared: none)")),
        node.problems().all());
    SpecNode ok = SpecNode.root(map("oracle", "fast-feed"), new Problems());
    assertEquals(OracleId.of("fast-feed"), CONTEXT.oracleRef(ok, "oracle"));
  }
}
