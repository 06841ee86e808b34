package org.marginfall.agents.multivenue;

import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.venue.VenueId;

/**
 * A ring-fenced asset class of a shared pool: its assets may secure positions only on its venues.
 *
 * <p>Immutable and thread-safe.
 *
 * @param assets the pool assets in the class
 * @param venues the only venues those assets may go to
 */
public record RingFence(List<AssetId> assets, List<VenueId> venues) {

  /** Copies the lists and checks they are not empty. */
  public RingFence {
    assets = List.copyOf(assets);
    venues = List.copyOf(venues);
    if (assets.isEmpty()) {
      throw new IllegalArgumentException("assets: must name at least one asset");
    }
    if (venues.isEmpty()) {
      throw new IllegalArgumentException("venues: must name at least one venue");
    }
  }
}
