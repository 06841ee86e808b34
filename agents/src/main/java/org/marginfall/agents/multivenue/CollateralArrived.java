package org.marginfall.agents.multivenue;

import org.marginfall.core.event.VenueEvent;

/**
 * Collateral sent by {@link CollateralSent} arrived and was deposited.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue it was deposited on
 * @param account the margin account it was deposited into
 * @param amount base-currency units deposited
 * @param sentStep the tick it was sent
 */
public record CollateralArrived(
    long step, int round, String venue, String account, double amount, long sentStep)
    implements VenueEvent {

  @Override
  public String type() {
    return "collateral_arrived";
  }
}
