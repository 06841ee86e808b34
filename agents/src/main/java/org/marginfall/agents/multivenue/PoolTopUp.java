package org.marginfall.agents.multivenue;

import org.marginfall.core.event.VenueEvent;

/**
 * A shared pool deposited collateral into one of its owner's margin accounts to defend it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue of the account defended
 * @param account the margin account defended
 * @param pool the pool's ledger account
 * @param asset the asset deposited
 * @param amount units deposited
 * @param value base-currency value at the market price
 * @param sharedValue the part of {@code value} drawn from the pool's common part, which other
 *     venues could have used
 * @param healthBefore the account's health (equity / maintenance) before the deposit
 */
public record PoolTopUp(
    long step,
    int round,
    String venue,
    String account,
    String pool,
    String asset,
    double amount,
    double value,
    double sharedValue,
    double healthBefore)
    implements VenueEvent {

  @Override
  public String type() {
    return "pool_top_up";
  }
}
