package org.marginfall.agents.voltarget;

/** The formulas of volatility targeting over explicit inputs. Stateless and thread-safe. */
public final class VolTargeting {

  /** Seconds in a 365-day year, the run's annualisation convention. */
  public static final double SECONDS_PER_YEAR = 31_536_000;

  private VolTargeting() {}

  /**
   * The EWMA variance of per-step log returns (J.P. Morgan/Reuters, RiskMetrics Technical Document,
   * 4th ed. 1996, eq. 5.3): {@code var_t = lambda var_(t-1) + (1 - lambda) r_t^2}.
   */
  public static double ewmaVariance(double previous, double logReturn, double lambda) {
    return lambda * previous + (1 - lambda) * logReturn * logReturn;
  }

  /**
   * The target leverage of volatility targeting (Moreira and Muir 2017, J. Finance 72:1611-1644,
   * exposure inversely proportional to realised volatility): {@code min(maxLeverage, targetVol /
   * sqrt(var * stepsPerYear))}; {@code maxLeverage} when the estimate is zero.
   */
  public static double leverage(
      double targetVol, double variancePerStep, double stepsPerYear, double maxLeverage) {
    double annual = StrictMath.sqrt(variancePerStep * stepsPerYear);
    return annual > 0 ? Math.min(maxLeverage, targetVol / annual) : maxLeverage;
  }

  /**
   * Whether {@code current} notional is off {@code target} by more than {@code band} of the target.
   */
  public static boolean outsideBand(double current, double target, double band) {
    return Math.abs(current - target) > band * target || (target <= 0 && current > 0);
  }
}
