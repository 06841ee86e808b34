package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A Clipper auction ended: its tab was raised (the rest of the lot went back to the vault) or its
 * lot ran out (the rest of the tab is a deficit the Vow's surplus, then bad debt, absorbs).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param lotId the auction
 * @param vault the vault the collateral came from
 * @param due debt the auction took over from the vault, base units
 * @param raised base currency the auction raised
 * @param deficit tab left unraised when the lot ran out, base units
 * @param returned collateral returned to the vault, units
 * @param penalty penalty income: what was raised above the debt, base units
 */
public record AuctionEnded(
    long step,
    int round,
    String venue,
    long lotId,
    String vault,
    double due,
    double raised,
    double deficit,
    double returned,
    double penalty)
    implements VenueEvent {

  @Override
  public String type() {
    return "auction_ended";
  }
}
