package org.marginfall.core.spec;

import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.network.ExposedVenue;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The validated, immutable definition of one venue, as read from a scenario; {@link #resolve} turns
 * it into the runtime venue.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface VenueSpec extends ExposedVenue {

  /** The venue's id. */
  @Override
  VenueId id();

  /** The registry name of its type. */
  String type();

  /** The assets positions or loans can be opened in. */
  Set<AssetId> tradableAssets();

  /** Whether the resolved venue is a {@link org.marginfall.core.venue.PerpetualVenue}. */
  default boolean listsPerpetuals() {
    return false;
  }

  /** The assets accepted as collateral. */
  @Override
  Set<AssetId> collateralAssets();

  /**
   * The derived assets this venue issues (lending receipts, vault shares). The resolved venue must
   * declare each one's NAV with {@code Markets.defineDerived} when it is built.
   */
  @Override
  default Set<AssetId> issuedAssets() {
    return Set.of();
  }

  /**
   * The oracles the venue reads. With the common-oracle channel closed, a scheduled oracle failure
   * hits only the first venue (in scenario order) that reads the oracle.
   */
  default Set<OracleId> oraclesRead() {
    return Set.of();
  }

  /**
   * Builds the runtime venue against the run's shared state; like {@link PopulationSpec#resolve},
   * called once per world a run builds, so it returns a fresh venue.
   */
  Venue resolve(VenueServices services);
}
