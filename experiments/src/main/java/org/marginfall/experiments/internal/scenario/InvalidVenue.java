package org.marginfall.experiments.internal.scenario;

import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * Stands in, during reading only, for a declared venue whose entry has problems: it lists every
 * asset and accepts every collateral, so references to it add no problem of their own. A file with
 * an invalid venue always has a problem, so this never reaches a {@link ModelSpec}.
 *
 * @param id the venue's id
 * @param assets every declared asset
 */
record InvalidVenue(VenueId id, Set<AssetId> assets) implements VenueSpec {

  InvalidVenue {
    assets = Set.copyOf(assets);
  }

  @Override
  public String type() {
    return "invalid";
  }

  @Override
  public Set<AssetId> tradableAssets() {
    return assets;
  }

  @Override
  public boolean listsPerpetuals() {
    return true;
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return assets;
  }

  @Override
  public Venue resolve(VenueServices services) {
    throw new IllegalStateException("venue " + id + " is invalid and cannot be built");
  }
}
