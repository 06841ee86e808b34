package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A bid landed in a debt auction (flop.sol {@code dent}): the fixed bid for a smaller lot. The
 * first bid pays the Vow, which heals that much of its debt ({@code kiss}); a later one pays the
 * outbid bidder back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param auctionId the debt auction
 * @param bidder the new high bidder
 * @param lot the lot the bid accepts, units of the minted asset
 * @param bid the fixed bid, base units
 * @param first whether this was the auction's first bid, the one that paid the Vow
 */
public record FlopBid(
    long step,
    int round,
    String venue,
    long auctionId,
    String bidder,
    double lot,
    double bid,
    boolean first)
    implements VenueEvent {

  @Override
  public String type() {
    return "flop_bid";
  }
}
