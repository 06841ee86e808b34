package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/** Reads {@code type: liquidators} populations. Stateless and thread-safe. */
public final class LiquidatorsType implements PopulationType {

  @Override
  public String name() {
    return LiquidatorsSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "count",
        "capital",
        "venues",
        "maxPerRound",
        "minAuctionDiscount",
        "latencySteps",
        "gasCost",
        "minProfit",
        "strategy",
        "competition",
        "priorityFee",
        "inventory",
        "maxInventory");
    String id = node.id("id");
    int count = node.integer("count", 1, 1_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    List<VenueId> venues = new ArrayList<>();
    SpecNode list = node.get("venues");
    if (!list.isMissing()) {
      for (SpecNode v : list.elements()) {
        VenueSpec venue = context.venueRef(v);
        if (venue != null) {
          venues.add(venue.id());
        }
      }
    }
    int maxPerRound = node.integer("maxPerRound", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    double discount =
        node.fraction("minAuctionDiscount", LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    if (discount == 1) {
      node.get("minAuctionDiscount").fail("must be below 1, was " + discount);
    }
    LiquidatorBehaviour behaviour = readBehaviour(node);
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () -> new LiquidatorsSpec(id, count, capital, venues, maxPerRound, discount, behaviour));
  }

  /** Reads the behaviour fields; null after a failure (each reported at its path). */
  private static LiquidatorBehaviour readBehaviour(SpecNode node) {
    Problems.Mark mark = node.mark();
    LiquidatorBehaviour d = LiquidatorBehaviour.DEFAULT;
    int latency = node.integer("latencySteps", d.latencySteps(), 0, Integer.MAX_VALUE);
    double gas = node.nonNegative("gasCost", d.gasCost());
    double minProfit = node.number("minProfit", d.minProfit());
    VenueChoice strategy =
        choice(node, "strategy", VenueChoice.values(), VenueChoice::scenarioName, d.strategy());
    Competition competition =
        choice(
            node, "competition", Competition.values(), Competition::scenarioName, d.competition());
    Distribution priorityFee = null;
    SpecNode fee = node.get("priorityFee");
    if (competition == Competition.PRIORITY_FEE) {
      if (fee.isMissing()) {
        fee.fail("is required with competition: priorityFee");
      } else {
        priorityFee = DistributionReader.read(fee);
        if (priorityFee != null
            && !(priorityFee.lowerBound() >= 0 && priorityFee.upperBound() <= 1)) {
          fee.fail("must produce shares between 0 and 1");
        }
      }
    } else if (!fee.isMissing() && competition != null) {
      fee.fail("only applies with competition: priorityFee");
    }
    InventoryPolicy inventory =
        choice(
            node,
            "inventory",
            InventoryPolicy.values(),
            InventoryPolicy::scenarioName,
            d.inventory());
    double maxInventory = 0;
    SpecNode max = node.get("maxInventory");
    if (inventory == InventoryPolicy.HOLD) {
      maxInventory = node.nonNegative("maxInventory");
    } else if (!max.isMissing() && inventory != null) {
      max.fail("only applies with inventory: hold");
    }
    if (mark.failed()) {
      return null;
    }
    Distribution share = priorityFee;
    double limit = maxInventory;
    return node.build(
        () ->
            new LiquidatorBehaviour(
                latency, gas, minProfit, strategy, competition, share, inventory, limit));
  }

  /** An optional choice among named constants; null after a failure that lists the known names. */
  private static <E> E choice(
      SpecNode node, String field, E[] values, Function<E, String> name, E defaultValue) {
    return node.choice(field, field, SpecNode.byName(name, values), defaultValue);
  }
}
