package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.marginfall.core.spec.Trees.map;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.venue.VenueId;

class OracleDesignReaderTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");

  /** A context declaring USD (base) and ETH (spot). */
  private static final SpecContext CONTEXT =
      new SpecContext() {
        @Override
        public AssetId baseCurrency() {
          return USD;
        }

        @Override
        public Optional<Asset> asset(AssetId id) {
          if (id.equals(ETH)) {
            return Optional.of(new Asset(ETH, AssetKind.SPOT, 18));
          }
          return id.equals(USD) ? Optional.of(new Asset(USD, AssetKind.BASE, 6)) : Optional.empty();
        }

        @Override
        public Set<AssetId> assetIds() {
          return Set.of(USD, ETH);
        }

        @Override
        public Set<OracleId> oracleIds() {
          return Set.of();
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

  private static final OracleDesignReader READER =
      new OracleDesignReader(CoreTypes.standard(), CONTEXT);

  private static List<String> problems(SpecNode node) {
    return node.problems().all().stream().map(Problem::toString).toList();
  }

  @Test
  void test_read_fullDesign() {
    SpecNode o =
        SpecNode.root(
            map(
                "latencySteps",
                2,
                "aggregation",
                "mean",
                "sources",
                List.of(map("name", "a", "bias", 0.01), map("weight", 3)),
                "failures",
                List.of(map("asset", "ETH", "fromStep", 10, "mode", "wrong", "factor", 1.3))),
            new Problems());
    OracleDesign d = READER.read(o);
    assertEquals(List.of(), problems(o));
    assertEquals("mean", d.aggregation().label());
    assertEquals(2, d.sources().get(1).latencySteps());
    assertEquals("source-1", d.sources().get(1).name());
    assertEquals(new OracleFailure.WrongFactor(1.3), d.failures().get(0).mode());
  }

  @Test
  void test_read_recordRulesReportedAtTheirFieldsBesideOtherProblems() {
    SpecNode o =
        SpecNode.root(
            map(
                "minAnswer",
                10,
                "maxAnswer",
                5,
                "sources",
                List.of(map("bias", -1.5)),
                "failures",
                List.of(map("asset", "ETH", "fromStep", 0, "mode", "frozen"))),
            new Problems());
    assertNull(READER.read(o));
    assertEquals(
        List.of(
            "sources[0].bias: must be above -1, was -1.5",
            "failures[0].fromStep: must be >= 1 (ticks count from 1), was 0"),
        problems(o));
    SpecNode bounds = SpecNode.root(map("minAnswer", 10, "maxAnswer", 5), new Problems());
    assertNull(READER.read(bounds));
    assertEquals(List.of("maxAnswer: must be above minAnswer (10.0), was 5.0"), problems(bounds));
  }

  @Test
  void test_read_aFieldOfAnotherModeNamesThatMode() {
    SpecNode o =
        SpecNode.root(
            map(
                "failures",
                List.of(
                    map("asset", "ETH", "fromStep", 3, "mode", "frozen", "lagSteps", 2),
                    map("asset", "USD", "fromStep", 3, "mode", "melted"))),
            new Problems());
    assertNull(READER.read(o));
    assertEquals(
        List.of(
            "failures[0].lagSteps: only a lagging failure takes this field",
            "failures[1].asset: the base currency has no feed (it always reads 1)",
            "failures[1].mode: unknown failure mode 'melted' (known: frozen, lagging, wrong)"),
        problems(o));
  }
}
