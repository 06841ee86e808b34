package org.marginfall.agents.liquidator;

import org.marginfall.core.event.VenueEvent;

/**
 * What a liquidator paid out of the model for one executed action on a venue: gas and, under
 * priority-fee competition, its winning bid. Emitted only when something was paid, so runs without
 * costs log nothing new.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue acted on
 * @param liquidator the liquidator's account
 * @param target the liquidated margin account, or {@code auction/<lot id>} for an auction take
 * @param gas gas paid, base currency
 * @param priorityFee priority fee paid to the block builder, base currency
 * @param expectedReward the reward the liquidator expected before acting, base currency
 */
public record LiquidatorCost(
    long step,
    int round,
    String venue,
    String liquidator,
    String target,
    double gas,
    double priorityFee,
    double expectedReward)
    implements VenueEvent {

  @Override
  public String type() {
    return "liquidator_cost";
  }
}
