package org.marginfall.agents.markarb;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/** Reads {@code type: mark-arbitrageurs} populations. Stateless and thread-safe. */
public final class MarkArbitrageursType implements PopulationType {

  @Override
  public String name() {
    return MarkArbitrageursSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "venue", "asset", "count", "capital", "cost", "maxPerStep", "slices");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' must be a perpetual venue: its mark is the reference");
    }
    AssetId asset = context.assetRef(node, "asset");
    if (asset != null && context.asset(asset).map(a -> a.kind() != AssetKind.SPOT).orElse(true)) {
      node.get("asset")
          .fail("asset '" + asset + "' must be a spot asset: they trade its shared market");
    } else if (asset != null && venue != null && !venue.tradableAssets().contains(asset)) {
      node.get("asset").fail("venue '" + venue.id() + "' lists no perpetual in " + asset);
    }
    int count = node.integer("count", 1, 1, 10_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    double cost = node.fraction("cost", 0.002);
    if (!(cost < 1)) {
      node.get("cost").fail("must be below 1, was " + cost);
    }
    double maxPerStep = node.positive("maxPerStep");
    int slices = node.integer("slices", 10, 1, 10_000);
    if (mark.failed()) {
      return null;
    }
    VenueId venueId = venue.id();
    return node.build(
        () ->
            new MarkArbitrageursSpec(id, venueId, asset, count, capital, cost, maxPerStep, slices));
  }
}
