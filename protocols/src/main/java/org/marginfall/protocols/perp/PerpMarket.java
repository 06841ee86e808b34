package org.marginfall.protocols.perp;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * A perpetual market listed on a venue and its margin fractions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the underlying asset
 * @param initialMargin initial margin fraction of notional (1 / max leverage) in the first tier
 * @param maintenanceMargin maintenance margin fraction of notional in the first tier, below the
 *     initial one
 * @param tiers maintenance tiers by notional; the first starts at 0 with {@code maintenanceMargin}
 */
public record PerpMarket(
    AssetId asset, double initialMargin, double maintenanceMargin, List<MarginTier> tiers) {

  /** Validates the fractions and the tiers. */
  public PerpMarket {
    Objects.requireNonNull(asset, "asset");
    Checks.fraction(initialMargin, "initialMargin");
    Checks.fraction(maintenanceMargin, "maintenanceMargin");
    if (!(initialMargin > 0)) {
      throw new IllegalArgumentException("initialMargin: must be > 0, was " + initialMargin);
    }
    if (!(maintenanceMargin > 0)) {
      throw new IllegalArgumentException(
          "maintenanceMargin: must be > 0, was " + maintenanceMargin);
    }
    if (!(maintenanceMargin < initialMargin)) {
      throw new IllegalArgumentException(
          "maintenanceMargin: must be below initialMargin ("
              + initialMargin
              + "), was "
              + maintenanceMargin);
    }
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty() || tiers.get(0).maintenanceMargin() != maintenanceMargin) {
      throw new IllegalArgumentException(
          "tiers: the first tier must carry maintenanceMargin " + maintenanceMargin);
    }
    new MarginTiers(tiers);
  }

  /** A market with a single maintenance tier. */
  public PerpMarket(AssetId asset, double initialMargin, double maintenanceMargin) {
    this(asset, initialMargin, maintenanceMargin, List.of(new MarginTier(0, maintenanceMargin)));
  }
}
