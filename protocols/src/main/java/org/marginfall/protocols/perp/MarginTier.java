package org.marginfall.protocols.perp;

import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * One maintenance-margin tier of a market: positions whose notional is at least {@code lowerBound}
 * pay {@code maintenanceMargin} on their notional, less the tier's deduction (see {@link
 * MarginTiers}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param lowerBound notional (base currency) at which the tier starts; the first tier starts at 0
 * @param maintenanceMargin maintenance margin rate of the tier, in (0, 1)
 */
public record MarginTier(double lowerBound, double maintenanceMargin) {

  /** Validates the bound and the rate. */
  public MarginTier {
    Checks.nonNegative(lowerBound, "lowerBound");
    checkRate(maintenanceMargin);
  }

  /**
   * The rule of a tier's rate: in (0, 1).
   *
   * @throws FieldException at {@code maintenanceMargin} when it is not
   */
  public static void checkRate(double maintenanceMargin) {
    if (!(maintenanceMargin > 0 && maintenanceMargin < 1)) {
      throw new FieldException("maintenanceMargin", "must be in (0, 1), was " + maintenanceMargin);
    }
  }

  /**
   * The rule of the next tier's bound: above this tier's.
   *
   * @throws FieldException at {@code lowerBound} when it is not
   */
  public void checkBoundAfter(double lowerBound) {
    if (!(lowerBound > this.lowerBound)) {
      throw new FieldException(
          "lowerBound",
          "must exceed the previous tier's (" + this.lowerBound + "), was " + lowerBound);
    }
  }

  /**
   * The rule of the next tier's rate: not below this tier's.
   *
   * @throws FieldException at {@code maintenanceMargin} when it is below
   */
  public void checkRateAfter(double maintenanceMargin) {
    if (maintenanceMargin < this.maintenanceMargin) {
      throw new FieldException(
          "maintenanceMargin",
          "must not be below the previous tier's ("
              + this.maintenanceMargin
              + "), was "
              + maintenanceMargin);
    }
  }
}
