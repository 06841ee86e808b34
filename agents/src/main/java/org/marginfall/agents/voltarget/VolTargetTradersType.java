package org.marginfall.agents.voltarget;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: vol-target-traders} populations. Stateless and thread-safe. */
public final class VolTargetTradersType implements PopulationType {

  @Override
  public String name() {
    return VolTargetTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "venue",
        "market",
        "count",
        "collateral",
        "targetVol",
        "lambda",
        "initialVol",
        "maxLeverage",
        "band",
        "longShare");
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
    int count = node.integer("count", 1, 10_000_000);
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    double targetVol = node.positive("targetVol");
    double lambda = node.fraction("lambda", 0.94);
    if (!(lambda > 0 && lambda < 1)) {
      node.get("lambda").fail("must be in (0, 1), was " + lambda);
    }
    double initialVol = node.positive("initialVol", targetVol);
    double maxLeverage = node.positive("maxLeverage", 3);
    double band = node.fraction("band", 0.2);
    if (band >= 1) {
      node.get("band").fail("must be below 1, was " + band);
    }
    double longShare = node.fraction("longShare", 1.0);
    double stepSeconds = context.stepSeconds();
    if (!(stepSeconds > 0)) {
      node.fail("needs run.stepSeconds to annualise the realised volatility");
    }
    if (mark.failed()) {
      return null;
    }
    double stepsPerYear = VolTargeting.SECONDS_PER_YEAR / stepSeconds;
    return node.build(
        () ->
            new VolTargetTradersSpec(
                id,
                venue.id(),
                market,
                count,
                collateral,
                targetVol,
                lambda,
                initialVol,
                maxLeverage,
                band,
                longShare,
                stepsPerYear));
  }
}
