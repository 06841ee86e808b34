package org.marginfall.core.venue;

import org.marginfall.core.asset.AssetId;

/**
 * A lot in a venue's debt auction (Maker's flop.sol), as bidders see it now: a fixed base-currency
 * bid for a quantity of a newly minted asset that bidders lower.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue running the auction
 * @param id the auction's id, unique within the venue
 * @param gem the asset minted to the winner
 * @param atoms the quantity of {@code gem} the current high bid accepts (or the kick's lot)
 * @param bid the fixed base-currency bid in atoms every bidder pays
 * @param highBidder whether {@code bidder} given to {@link DebtAuctions#debtLots} is the high
 *     bidder
 * @param beg the minimum decrease factor of the lot, e.g. 1.03
 */
public record DebtLot(
    VenueId venue, long id, AssetId gem, long atoms, long bid, boolean highBidder, double beg) {}
