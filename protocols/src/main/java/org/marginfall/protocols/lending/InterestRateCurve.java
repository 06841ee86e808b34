package org.marginfall.protocols.lending;

import org.marginfall.core.util.Checks;

/**
 * A reserve's borrow-rate curve with a kink at the optimal utilisation, as Aave's
 * DefaultReserveInterestRateStrategyV2 computes it, with annual rates as fractions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baseRate borrow rate at zero utilisation
 * @param slope1 rate added between zero and the optimal utilisation
 * @param slope2 rate added between the optimal utilisation and full utilisation
 * @param optimalUtilisation the kink, in (0, 1)
 */
public record InterestRateCurve(
    double baseRate, double slope1, double slope2, double optimalUtilisation) {

  /** The largest annual rate (base or slope) a scenario may give: 100, that is 10,000% a year. */
  public static final double MAX_RATE = 100;

  /** Seconds per year in Aave's MathUtils.SECONDS_PER_YEAR (365 days). */
  public static final double SECONDS_PER_YEAR = 365 * 86_400.0;

  /** Validates the fields. */
  public InterestRateCurve {
    Checks.nonNegative(baseRate, "baseRate");
    Checks.nonNegative(slope1, "slope1");
    Checks.nonNegative(slope2, "slope2");
    if (!(optimalUtilisation > 0 && optimalUtilisation < 1)) {
      throw new IllegalArgumentException(
          "optimalUtilisation: must be in (0, 1), was " + optimalUtilisation);
    }
  }

  /**
   * The annual borrow rate at utilisation {@code u}: {@code base + slope1 u / U*} up to the kink,
   * {@code base + slope1 + slope2 (u - U*) / (1 - U*)} above it
   * (DefaultReserveInterestRateStrategyV2.calculateInterestRates).
   */
  public double borrowRate(double u) {
    if (!(u >= 0 && u <= 1)) {
      throw new IllegalArgumentException("utilisation: must be in [0, 1], was " + u);
    }
    if (u <= optimalUtilisation) {
      return baseRate + slope1 * u / optimalUtilisation;
    }
    return baseRate + slope1 + slope2 * (u - optimalUtilisation) / (1 - optimalUtilisation);
  }

  /**
   * The annual supply (liquidity) rate: {@code borrowRate(u) u (1 - reserveFactor)}
   * (DefaultReserveInterestRateStrategyV2: currentLiquidityRate = borrowRate · supplyUsageRatio ·
   * (1 − reserveFactor)).
   */
  public double supplyRate(double u, double reserveFactor) {
    return borrowRate(u) * u * (1 - reserveFactor);
  }

  /**
   * The factor by which a debt grows at annual {@code rate} over {@code seconds}: Aave's three-term
   * binomial approximation of {@code (1 + r/year)^seconds} (MathUtils.calculateCompoundedInterest).
   */
  public static double compoundedGrowth(double rate, double seconds) {
    double perSecond = rate / SECONDS_PER_YEAR;
    double n = seconds;
    return 1
        + perSecond * n
        + n * (n - 1) * perSecond * perSecond / 2
        + n * (n - 1) * (n - 2) * perSecond * perSecond * perSecond / 6;
  }
}
