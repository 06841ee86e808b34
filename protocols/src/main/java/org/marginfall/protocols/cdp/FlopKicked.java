package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * The Vow started a debt auction (vow.sol {@code flop}, flop.sol {@code kick}): {@code lot} of the
 * governance token offered for the fixed {@code bid}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param auctionId the debt auction
 * @param gem the asset the auction mints
 * @param lot the starting lot, units of {@code gem}
 * @param bid the fixed bid, base units
 */
public record FlopKicked(
    long step, int round, String venue, long auctionId, String gem, double lot, double bid)
    implements VenueEvent {

  @Override
  public String type() {
    return "flop_kicked";
  }
}
