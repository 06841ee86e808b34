package org.marginfall.agents.cdp;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: flip-keepers} populations. Stateless and thread-safe. */
public final class FlipKeepersType implements PopulationType {

  @Override
  public String name() {
    return FlipKeepersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "venue", "count", "capital", "gasBudget", "margin", "zeroBidders", "gas");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    // A venue with problems of its own ("invalid") is reported at its entry, not again here.
    if (venue != null && !"cdp".equals(venue.type()) && !"invalid".equals(venue.type())) {
      node.get("venue")
          .fail(
              "venue '"
                  + venue.id()
                  + "' is a "
                  + venue.type()
                  + " venue; flip keepers need a cdp venue");
    }
    Problems.Mark counts = node.mark();
    int count = node.integer("count", 0, 1_000_000);
    int zeroBidders = node.integer("zeroBidders", 0, 0, 1_000);
    if (counts.clean() && count + zeroBidders == 0) {
      node.get("count").fail("needs at least one keeper, or set zeroBidders");
    }
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    Distribution budget = DistributionReader.read(node.get("gasBudget"));
    if (budget != null && budget.lowerBound() < 0) {
      node.get("gasBudget").fail("must not produce negative gas prices");
    }
    Problems.Mark margins = node.mark();
    double margin = node.fraction("margin", 0.02);
    if (margins.clean() && margin >= 1) {
      node.get("margin").fail("must be below 1, was " + margin);
    }
    GasPriceRule gas = readGas(node.get("gas"), context);
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new FlipKeepersSpec(id, venue.id(), count, capital, budget, margin, zeroBidders, gas));
  }

  /** Reads {@code gas: {asset, baseGwei, peakMultiple, fullAtDrawdown}}. */
  private static GasPriceRule readGas(SpecNode n, SpecContext context) {
    Problems.Mark mark = n.mark();
    if (!n.requireObject()) {
      return null;
    }
    n.allowOnly("asset", "baseGwei", "peakMultiple", "fullAtDrawdown");
    AssetId asset = context.assetRef(n, "asset");
    double base = n.positive("baseGwei");
    Problems.Mark peaks = n.mark();
    double peak = n.number("peakMultiple");
    if (peaks.clean() && !(peak >= 1)) {
      n.get("peakMultiple").fail("must be at least 1, was " + peak);
    }
    Problems.Mark fulls = n.mark();
    double full = n.number("fullAtDrawdown");
    if (fulls.clean() && !(full > 0 && full <= 1)) {
      n.get("fullAtDrawdown").fail("must be in (0, 1], was " + full);
    }
    return mark.failed() ? null : n.build(() -> new GasPriceRule(asset, base, peak, full));
  }
}
