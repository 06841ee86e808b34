package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A bidder bought collateral from a Clipper auction ({@code Clipper.take}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param lotId the auction
 * @param taker the bidder
 * @param asset the collateral
 * @param slice collateral bought, units
 * @param price the auction price per unit
 * @param owe base currency paid to the Vow
 * @param tabLeft what the auction still has to raise afterwards
 * @param lotLeft collateral left in the auction afterwards, units
 */
public record AuctionTaken(
    long step,
    int round,
    String venue,
    long lotId,
    String taker,
    String asset,
    double slice,
    double price,
    double owe,
    double tabLeft,
    double lotLeft)
    implements VenueEvent {

  @Override
  public String type() {
    return "auction_taken";
  }
}
