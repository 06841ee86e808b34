package org.marginfall.agents.arbitrage;

import java.util.LinkedHashSet;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: arbitrageurs} populations. A lending venue is recognised by issuing receipts,
 * as {@code VenueSpec} has no lending flag. Stateless and thread-safe.
 */
public final class ArbitrageursType implements PopulationType {

  @Override
  public String name() {
    return ArbitrageursSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "venue", "asset", "count", "capital", "cost", "maxPerStep", "slices");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && (venue.listsPerpetuals() || venue.issuedAssets().isEmpty())) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a lending one");
      venue = null;
    }
    AssetId asset = context.assetRef(node, "asset");
    if (asset != null && venue != null) {
      Set<AssetId> reserves = new LinkedHashSet<>(venue.tradableAssets());
      reserves.addAll(venue.collateralAssets());
      if (!reserves.contains(asset)) {
        node.get("asset")
            .fail(
                "venue '"
                    + venue.id()
                    + "' has no reserve for "
                    + asset
                    + " (has: "
                    + SpecContext.declared(reserves)
                    + ")");
      }
    }
    int count = node.integer("count", 1, 1, 10_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    double cost = node.fraction("cost", 0.005);
    if (cost >= 1) {
      node.get("cost").fail("must be below 1, was " + cost);
    }
    double maxPerStep = node.positive("maxPerStep");
    int slices = node.integer("slices", 10, 1, 1000);
    if (mark.failed()) {
      return null;
    }
    VenueSpec v = venue;
    return node.build(
        () -> new ArbitrageursSpec(id, v.id(), asset, count, capital, cost, maxPerStep, slices));
  }
}
