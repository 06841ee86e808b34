package org.marginfall.agents.multivenue;

import org.marginfall.core.event.VenueEvent;

/**
 * An agent withdrew margin from one venue to defend a position on another; it arrives after the
 * transfer latency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the source venue
 * @param account the source margin account
 * @param toVenue the venue of the account defended
 * @param toAccount the margin account defended
 * @param amount base-currency units sent
 * @param arrivalStep the tick at which it is deposited
 */
public record CollateralSent(
    long step,
    int round,
    String venue,
    String account,
    String toVenue,
    String toAccount,
    double amount,
    long arrivalStep)
    implements VenueEvent {

  @Override
  public String type() {
    return "collateral_sent";
  }
}
