package org.marginfall.agents.manipulator;

import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/** Reads {@code type: pnl-manipulator} populations. Stateless and thread-safe. */
public final class PnlManipulatorType implements PopulationType {

  @Override
  public String name() {
    return PnlManipulatorSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "venue",
        "market",
        "size",
        "deposit",
        "capital",
        "pairStep",
        "startStep",
        "pumpSteps",
        "waitSteps");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
      venue = null;
    }
    AssetId market = context.assetRef(node, "market");
    if (market != null && venue != null && !venue.tradableAssets().contains(market)) {
      node.get("market").fail("venue '" + venue.id() + "' lists no market for " + market);
      market = null;
    }
    if (market != null && context.asset(market).map(Asset::kind).orElse(null) != AssetKind.SPOT) {
      node.get("market")
          .fail(
              "must be a spot asset (the manipulator buys it in its shared market), was " + market);
    }
    double size = node.positive("size");
    double deposit = node.positive("deposit");
    double capital = node.positive("capital");
    long pairStep = node.longValue("pairStep");
    if (node.has("pairStep") && pairStep < 1) {
      node.get("pairStep").fail("must be >= 1, was " + pairStep);
    }
    long startStep = node.longValue("startStep");
    if (node.has("startStep") && node.has("pairStep") && startStep < pairStep) {
      node.get("startStep").fail("must be >= pairStep " + pairStep + ", was " + startStep);
    }
    int pumpSteps = node.integer("pumpSteps", 1, 1, 1_000_000);
    int waitSteps = node.integer("waitSteps", 0, 0, 1_000_000);
    if (mark.failed()) {
      return null;
    }
    VenueId v = venue.id();
    AssetId m = market;
    return node.build(
        () ->
            new PnlManipulatorSpec(
                id, v, m, size, deposit, capital, pairStep, startStep, pumpSteps, waitSteps));
  }
}
