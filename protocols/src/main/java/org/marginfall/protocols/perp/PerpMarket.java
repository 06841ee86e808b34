package org.marginfall.protocols.perp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * A perpetual market listed on a venue and its margin fractions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the underlying asset
 * @param initialMargin initial margin fraction of notional (1 / max leverage)
 * @param maintenanceMargin maintenance margin fraction of notional, below the initial one
 */
public record PerpMarket(AssetId asset, double initialMargin, double maintenanceMargin) {

  /** Validates the fractions. */
  public PerpMarket {
    Objects.requireNonNull(asset, "asset");
    Checks.fraction(initialMargin, "initialMargin");
    Checks.fraction(maintenanceMargin, "maintenanceMargin");
    if (!(initialMargin > 0)) {
      throw new IllegalArgumentException("initialMargin: must be > 0, was " + initialMargin);
    }
    if (!(maintenanceMargin > 0)) {
      throw new IllegalArgumentException("maintenanceMargin: must be > 0, was " + maintenanceMargin);
    }
    if (!(maintenanceMargin < initialMargin)) {
      throw new IllegalArgumentException(
          "maintenanceMargin: must be below initialMargin (" + initialMargin + "), was " + maintenanceMargin);
    }
  }
}
