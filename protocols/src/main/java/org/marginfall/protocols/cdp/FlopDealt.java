package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A debt auction ended (flop.sol {@code deal}): its lot was minted to the high bidder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param auctionId the debt auction
 * @param winner the high bidder, who received the lot
 * @param lot the units of the governance token minted
 */
public record FlopDealt(
    long step, int round, String venue, long auctionId, String winner, double lot)
    implements VenueEvent {

  @Override
  public String type() {
    return "flop_dealt";
  }
}
