package org.marginfall.protocols.perp;

import org.marginfall.core.util.Checks;

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
    Checks.fraction(maintenanceMargin, "maintenanceMargin");
    if (!(maintenanceMargin > 0 && maintenanceMargin < 1)) {
      throw new IllegalArgumentException(
          "maintenanceMargin: must be in (0, 1), was " + maintenanceMargin);
    }
  }
}
