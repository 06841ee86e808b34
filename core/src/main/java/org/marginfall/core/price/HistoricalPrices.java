package org.marginfall.core.price;

/**
 * A price process driven by a historical price file instead of a parametric law: a replay of the
 * file's path, or a bootstrap of its returns. The scenario reader loads and resamples the file; the
 * process sees only per-step numbers.
 *
 * <p>Both kinds expose the realised volatility per step of their log-returns, {@code sqrt(mean
 * r^2)} (measured about zero, as realised variance is: Andersen and Bollerslev 1998, International
 * Economic Review 39:885-905), with which {@link FundamentalPrices} standardises a step's return to
 * condition the simulated assets' correlated shocks on it. About zero, not about the mean, so that
 * a crash's trend reaches the correlated assets instead of being subtracted. Immutable and
 * thread-safe.
 */
public sealed interface HistoricalPrices permits ReplayPath, ReturnBootstrap {

  /**
   * The realised volatility per step of the log-returns the process draws from, {@code sqrt(mean
   * r^2)}.
   */
  double returnScale();

  /**
   * The step's log-return {@code r} standardised, {@code r / returnScale}; 0 when no return moves.
   */
  default double standardised(double logReturn) {
    double scale = returnScale();
    return scale > 0 ? logReturn / scale : 0;
  }

  /** The root mean square of {@code r}, 0 for none. */
  static double rms(double[] r) {
    double s = 0;
    for (double x : r) {
      s += x * x;
    }
    return r.length == 0 ? 0 : StrictMath.sqrt(s / r.length);
  }

  /** The mean of {@code r}. */
  static double mean(double[] r) {
    double s = 0;
    for (double x : r) {
      s += x;
    }
    return r.length == 0 ? 0 : s / r.length;
  }

  /** The sample standard deviation of {@code r} (divisor n - 1), 0 for fewer than two values. */
  static double sd(double[] r) {
    if (r.length < 2) {
      return 0;
    }
    double m = mean(r);
    double s = 0;
    for (double x : r) {
      s += (x - m) * (x - m);
    }
    return StrictMath.sqrt(s / (r.length - 1));
  }
}
