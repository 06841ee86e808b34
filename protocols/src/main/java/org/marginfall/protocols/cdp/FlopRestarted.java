package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A debt auction reached its end without a bid and restarted (flop.sol {@code tick}) with its lot
 * raised by {@code pad}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param auctionId the debt auction
 * @param lot the raised lot, units of the minted asset
 */
public record FlopRestarted(long step, int round, String venue, long auctionId, double lot)
    implements VenueEvent {

  @Override
  public String type() {
    return "flop_restarted";
  }
}
