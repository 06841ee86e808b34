package org.marginfall.agents.depositor;

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

/** Reads {@code type: running-depositors} populations. Stateless and thread-safe. */
public final class RunningDepositorsType implements PopulationType {

  @Override
  public String name() {
    return RunningDepositorsSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "venue",
        "asset",
        "count",
        "amount",
        "utilisationAbove",
        "valueDrop",
        "fireSale",
        "maxDiscount");
    String id = node.id("id");
    VenueSpec venue = LendingRefs.venue(node, "venue", context);
    AssetId asset =
        LendingRefs.asset(
            node,
            "asset",
            context,
            venue,
            venue == null ? Set.of() : LendingRefs.reserves(venue),
            "");
    int count = node.integer("count", 1, 10_000_000);
    Distribution amount = DistributionReader.read(node.get("amount"));
    if (amount != null && amount.lowerBound() < 0) {
      node.get("amount").fail("must not produce negative amounts");
    }
    Distribution utilisation = null;
    if (node.has("utilisationAbove")) {
      utilisation = DistributionReader.read(node.get("utilisationAbove"));
      if (utilisation != null && !(utilisation.lowerBound() > 0 && utilisation.upperBound() <= 1)) {
        node.get("utilisationAbove")
            .fail("must only produce values in (0, 1] (use a uniform, triangular or constant)");
      }
    }
    Distribution drop = null;
    if (node.has("valueDrop")) {
      drop = DistributionReader.read(node.get("valueDrop"));
      if (drop != null && !(drop.lowerBound() > 0 && drop.upperBound() < 1)) {
        node.get("valueDrop")
            .fail("must only produce values in (0, 1) (use a uniform, triangular or constant)");
      }
    }
    if (!node.has("utilisationAbove") && !node.has("valueDrop")) {
      node.fail("needs a run trigger: utilisationAbove, valueDrop or both");
    }
    boolean fireSale = node.bool("fireSale", true);
    double maxDiscount = node.number("maxDiscount", 1.0);
    if (node.has("maxDiscount") && !(maxDiscount > 0 && maxDiscount <= 1)) {
      node.get("maxDiscount").fail("must be in (0, 1], was " + maxDiscount);
    }
    if (mark.failed()) {
      return null;
    }
    Distribution u = utilisation;
    Distribution d = drop;
    return node.build(
        () ->
            new RunningDepositorsSpec(
                id, venue.id(), asset, count, amount, u, d, fireSale, maxDiscount));
  }
}
