package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A Clipper auction that ran past {@code tail} or below {@code cusp} restarted from the current
 * oracle price ({@code Clipper.redo}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param lotId the auction
 * @param keeper who was paid the reset incentive
 * @param top the new starting price
 * @param incentive keeper incentive paid, base units (0 when the tab or lot is below {@code chost})
 */
public record AuctionReset(
    long step, int round, String venue, long lotId, String keeper, double top, double incentive)
    implements VenueEvent {

  @Override
  public String type() {
    return "auction_reset";
  }
}
