package org.marginfall.core.venue;

import org.marginfall.core.asset.AssetId;

/**
 * A lot in a venue's English collateral auction (Maker's Liquidations 1.0 flip auction), as bidders
 * see it now.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue running the auction
 * @param id the lot's id, unique within the venue
 * @param asset the collateral asset
 * @param atoms collateral the high bid buys
 * @param bid the high bid in base-currency atoms, 0 before the first bid
 * @param tab base-currency atoms the tend phase bids up to
 * @param highBidder whether {@code bidder} given to {@link EnglishAuctions#englishLots} is the high
 *     bidder
 * @param beg the minimum increase of the bid (tend) or decrease of the lot (dent) factor
 */
public record EnglishLot(
    VenueId venue,
    long id,
    AssetId asset,
    long atoms,
    long bid,
    long tab,
    boolean highBidder,
    double beg) {

  /** Whether the tend phase is over: the bid has reached the tab and bids now lower the lot. */
  public boolean dentPhase() {
    return bid == tab;
  }
}
