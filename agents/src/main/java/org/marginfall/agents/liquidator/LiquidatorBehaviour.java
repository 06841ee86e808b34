package org.marginfall.agents.liquidator;

import java.util.Objects;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.util.Checks;

/**
 * How a liquidator population decides which liquidations to do, who of it does them, and what it
 * does with the collateral: latency, per-action cost, minimum profit, venue choice, competition and
 * inventory (docs/agents.md). {@link #DEFAULT} is the original behaviour: act at once, no cost, any
 * profit, candidates as listed, turns rotate, sell everything.
 *
 * <p>Immutable and thread-safe.
 *
 * @param latencySteps ticks an account must have been liquidatable before the population acts on
 *     it; 0 acts in the tick it first appears
 * @param gasCost base currency paid out of the model for each executed liquidation or auction take
 * @param minProfit the least expected net profit (reward minus gas minus priority fee) an action
 *     must promise; negative values accept a loss
 * @param strategy the order in which candidates are worked through
 * @param competition who among the population is offered a candidate first
 * @param priorityFee the share of its expected net profit a liquidator bids, drawn per liquidator
 *     and round, in [0, 1]; non-null exactly when {@code competition} is {@link
 *     Competition#PRIORITY_FEE}
 * @param inventory sell acquired collateral at once or hold it
 * @param maxInventory the most a liquidator holds, by value at market prices, under {@link
 *     InventoryPolicy#HOLD}; 0 under {@link InventoryPolicy#SELL}
 */
public record LiquidatorBehaviour(
    int latencySteps,
    double gasCost,
    double minProfit,
    VenueChoice strategy,
    Competition competition,
    Distribution priorityFee,
    InventoryPolicy inventory,
    double maxInventory) {

  /** The original behaviour. */
  public static final LiquidatorBehaviour DEFAULT =
      new LiquidatorBehaviour(
          0, 0, 0, VenueChoice.LISTED, Competition.ROTATION, null, InventoryPolicy.SELL, 0);

  /** Validates the fields. */
  public LiquidatorBehaviour {
    Checks.nonNegative(latencySteps, "latencySteps");
    Checks.nonNegative(gasCost, "gasCost");
    Checks.finite(minProfit, "minProfit");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(competition, "competition");
    Objects.requireNonNull(inventory, "inventory");
    if (competition == Competition.PRIORITY_FEE) {
      Objects.requireNonNull(priorityFee, "priorityFee");
      if (!(priorityFee.lowerBound() >= 0 && priorityFee.upperBound() <= 1)) {
        throw new IllegalArgumentException("priorityFee: must produce shares between 0 and 1");
      }
    } else if (priorityFee != null) {
      throw new IllegalArgumentException("priorityFee: only applies with competition: priorityFee");
    }
    Checks.nonNegative(maxInventory, "maxInventory");
    if (inventory == InventoryPolicy.SELL && maxInventory != 0) {
      throw new IllegalArgumentException("maxInventory: only applies with inventory: hold");
    }
  }

  /**
   * Whether decisions need the venues' reward estimates: only when a cost, a profit floor, the
   * profit order or a profit-share bid is in play, so the default behaviour never asks.
   */
  public boolean estimatesProfit() {
    return gasCost > 0
        || minProfit != 0
        || strategy == VenueChoice.MAX_PROFIT
        || competition == Competition.PRIORITY_FEE;
  }
}
