package org.marginfall.core.venue;

import org.marginfall.core.asset.AssetId;

/**
 * A bidder's purchase from an auction lot.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue
 * @param lotId the lot
 * @param asset the collateral bought
 * @param atoms collateral received
 * @param paid base currency paid
 */
public record AuctionTake(VenueId venue, long lotId, AssetId asset, long atoms, double paid) {}
