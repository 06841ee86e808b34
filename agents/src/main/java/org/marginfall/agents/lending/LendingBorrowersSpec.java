package org.marginfall.agents.lending;

import java.util.Objects;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of borrowers on one lending venue: each posts collateral and borrows one asset up to
 * a target loan-to-value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the lending venue
 * @param count number of borrowers
 * @param collateralAsset the asset posted as collateral
 * @param collateral units of collateral per borrower (>= 0)
 * @param debtAsset the asset borrowed
 * @param targetLtv debt value over collateral value, in [0, 1], capped just below the venue's LTV
 */
public record LendingBorrowersSpec(
    String id,
    VenueId venue,
    int count,
    AssetId collateralAsset,
    Distribution collateral,
    AssetId debtAsset,
    Distribution targetLtv)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "lending-borrowers";

  /** Validates the fields. */
  public LendingBorrowersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Checks.positive(count, "count");
    Objects.requireNonNull(collateralAsset, "collateralAsset");
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(debtAsset, "debtAsset");
    Objects.requireNonNull(targetLtv, "targetLtv");
    if (!(collateral.lowerBound() >= 0)) {
      throw new IllegalArgumentException("collateral: must not produce negative amounts");
    }
    if (!(targetLtv.lowerBound() >= 0 && targetLtv.upperBound() <= 1)) {
      throw new IllegalArgumentException("targetLtv: must only produce values in [0, 1]");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new LendingBorrowers(this, streams.stream("agents/" + id));
  }

  @Override
  public Set<VenueId> drawsAtSetUp() {
    return Set.of(venue);
  }
}
