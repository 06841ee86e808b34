package org.example.marginfall;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: drawdown-traders} populations. Stateless and thread-safe. */
public final class DrawdownTradersType implements PopulationType {

  @Override
  public String name() {
    return DrawdownTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "venue", "market", "count", "collateral", "leverage", "drawdown", "cut");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
    }
    AssetId market = context.assetRef(node, "market");
    if (market != null
        && venue != null
        && venue.listsPerpetuals()
        && !venue.tradableAssets().contains(market)) {
      node.get("market").fail("venue '" + venue.id() + "' lists no market for " + market);
    }
    int count = node.integer("count", 1, 1_000_000);
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    double leverage = node.positive("leverage");
    double drawdown = node.fraction("drawdown");
    if (drawdown == 0) {
      node.get("drawdown").fail("must be above 0 (a trader would cut at once)");
    }
    double cut = node.fraction("cut", 0.5);
    if (cut == 0) {
      node.get("cut").fail("must be above 0");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new DrawdownTradersSpec(
                id, venue.id(), market, count, collateral, leverage, drawdown, cut));
  }
}
