package org.marginfall.core.network;

import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.venue.VenueId;

/**
 * What {@link VenueExposures} needs to know of a venue's definition: its id, the spot assets it
 * accepts as collateral and the derived assets it issues. The scenario's venue specs implement it,
 * so the network measures never import the scenario reader.
 */
public interface ExposedVenue {

  /** The venue's id. */
  VenueId id();

  /** The assets accepted as collateral. */
  Set<AssetId> collateralAssets();

  /** The derived assets this venue issues (lending receipts, vault shares); none by default. */
  default Set<AssetId> issuedAssets() {
    return Set.of();
  }
}
