package org.marginfall.agents.multivenue;

import java.util.List;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads {@code type: collateral-movers} populations (docs/agents.md). Stateless and thread-safe.
 */
public final class CollateralMoversType implements PopulationType {

  @Override
  public String name() {
    return CollateralMoversSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "count", "legs", "defendBelow", "targetHealth", "keepHealth", "latencySteps");
    String id = node.id("id");
    int count = node.integer("count", 1, 10_000_000);
    List<Leg> legs = LegReader.read(node, context, false);
    double defendBelow = node.positive("defendBelow", 1.1);
    double targetHealth = node.positive("targetHealth", 1.3);
    if (!Double.isNaN(defendBelow) && !Double.isNaN(targetHealth) && targetHealth < defendBelow) {
      node.get("targetHealth")
          .fail("must be >= defendBelow (" + defendBelow + "), was " + targetHealth);
    }
    double keepHealth = node.positive("keepHealth", 1.5);
    if (!Double.isNaN(keepHealth) && keepHealth < 1) {
      node.get("keepHealth").fail("must be >= 1, was " + keepHealth);
    }
    int latencySteps = node.integer("latencySteps", 1, 0, 1_000_000);
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new CollateralMoversSpec(
                id, count, legs, defendBelow, targetHealth, keepHealth, latencySteps));
  }
}
