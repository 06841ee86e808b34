package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A bid landed in a flip auction: {@code tend} (a higher base-currency bid for the same lot) or
 * {@code dent} (the same bid, the tab, for less collateral; the rest goes back to the vault).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param lotId the auction
 * @param bidder the new high bidder
 * @param phase {@code tend} or {@code dent}
 * @param bid the high bid afterwards, base units
 * @param lot the collateral it buys, units
 * @param tab what the tend phase bids up to, base units
 */
public record FlipBid(
    long step,
    int round,
    String venue,
    long lotId,
    String bidder,
    String phase,
    double bid,
    double lot,
    double tab)
    implements VenueEvent {

  @Override
  public String type() {
    return "flip_bid";
  }
}
