package org.marginfall.protocols.perp;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.FieldException;

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
    checkFraction("initialMargin", initialMargin);
    checkFraction("maintenanceMargin", maintenanceMargin);
    checkOrder(initialMargin, maintenanceMargin);
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty() || tiers.get(0).maintenanceMargin() != maintenanceMargin) {
      throw new IllegalArgumentException(
          "tiers: the first tier must carry maintenanceMargin " + maintenanceMargin);
    }
    new MarginTiers(tiers);
  }

  /**
   * The rule of either margin fraction: in (0, 1].
   *
   * @throws FieldException at {@code field} when {@code value} is not
   */
  public static void checkFraction(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new FieldException(field, "must be in (0, 1], was " + value);
    }
  }

  /**
   * The rule of the pair: the maintenance fraction below the initial one, so an account can open a
   * position it is not already liquidatable at.
   *
   * @throws FieldException at {@code maintenanceMargin} when it is not below {@code initialMargin}
   */
  public static void checkOrder(double initialMargin, double maintenanceMargin) {
    if (!(maintenanceMargin < initialMargin)) {
      throw new FieldException(
          "maintenanceMargin",
          "must be below initialMargin (" + initialMargin + "), was " + maintenanceMargin);
    }
  }

  /** A market with a single maintenance tier. */
  public PerpMarket(AssetId asset, double initialMargin, double maintenanceMargin) {
    this(asset, initialMargin, maintenanceMargin, List.of(new MarginTier(0, maintenanceMargin)));
  }
}
