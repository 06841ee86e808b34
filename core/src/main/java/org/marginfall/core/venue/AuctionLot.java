package org.marginfall.core.venue;

import org.marginfall.core.asset.AssetId;

/**
 * Collateral for sale in a venue's liquidation auction, as bidders see it now.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue running the auction
 * @param id the lot's id, unique within the venue
 * @param asset the collateral asset
 * @param atoms collateral still for sale
 * @param price the current auction price per unit, in base currency
 * @param debt base currency the auction still has to raise
 */
public record AuctionLot(
    VenueId venue, long id, AssetId asset, long atoms, double price, double debt) {}
