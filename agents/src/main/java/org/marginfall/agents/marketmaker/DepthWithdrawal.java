package org.marginfall.agents.marketmaker;

/**
 * The formulas of market makers' depth withdrawal over explicit inputs: a realised-volatility
 * estimate and a withdraw/restore rule with hysteresis. Stateless and thread-safe.
 */
public final class DepthWithdrawal {

  /** Seconds in a 365-day year, the run's annualisation convention. */
  public static final double SECONDS_PER_YEAR = 31_536_000;

  private DepthWithdrawal() {}

  /**
   * The EWMA variance of per-step log returns (J.P. Morgan/Reuters, RiskMetrics Technical Document,
   * 4th ed. 1996, eq. 5.3): {@code var_t = lambda var_(t-1) + (1 - lambda) r_t^2}.
   */
  public static double ewmaVariance(double previous, double logReturn, double lambda) {
    return lambda * previous + (1 - lambda) * logReturn * logReturn;
  }

  /**
   * Annualised volatility of a per-step variance (square-root-of-time scaling): {@code sqrt(var *
   * stepsPerYear)}.
   */
  public static double annualised(double variancePerStep, double stepsPerYear) {
    return StrictMath.sqrt(variancePerStep * stepsPerYear);
  }

  /**
   * A maker's withdrawn fraction of its quote after one step, with hysteresis (liquidity withdrawal
   * when volatility rises, Brunnermeier and Pedersen 2009, RFS 22(6):2201-2238, sec. 4): above
   * {@code withdrawAbove} it withdraws {@code withdrawStep} more, up to {@code max}; below {@code
   * restoreBelow} it restores {@code restoreStep}, down to 0; in between it holds.
   *
   * @param withdrawn the fraction withdrawn now, in [0, max]
   * @param vol the annualised realised volatility
   */
  public static double nextWithdrawn(
      double withdrawn,
      double vol,
      double withdrawAbove,
      double restoreBelow,
      double withdrawStep,
      double restoreStep,
      double max) {
    if (vol > withdrawAbove) {
      return Math.min(max, withdrawn + withdrawStep);
    }
    if (vol < restoreBelow) {
      return Math.max(0, withdrawn - restoreStep);
    }
    return withdrawn;
  }

  /**
   * The depth factor a population leaves: {@code 1 - Σ_k (share / count) * withdrawn_k}, each of
   * its {@code count} makers quoting an equal part of the population's {@code share} of the depth.
   */
  public static double populationFactor(double share, double[] withdrawn) {
    double sum = 0;
    for (double w : withdrawn) {
      sum += w;
    }
    return 1 - share * sum / withdrawn.length;
  }
}
