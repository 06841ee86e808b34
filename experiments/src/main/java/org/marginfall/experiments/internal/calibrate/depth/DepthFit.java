package org.marginfall.experiments.internal.calibrate.depth;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The depth of a linear-log impact model ({@code core.market.ImpactModel.LinearLog}: trading
 * notional V moves the log price by {@code V / depth}) fitted to trades: per interval of {@code
 * intervalSeconds} (on the clock: epoch multiples of the interval) with trades, the log-return from
 * the previous such interval's last price to its own, {@code r}, against the signed notional traded
 * in it, {@code V = Σ size × price}. The model {@code r = V / depth + e}, e normal with mean 0, is
 * fitted by least squares through the origin, which is its maximum-likelihood estimate (Commons
 * Math {@link SimpleRegression} without intercept); the standard error of the depth is the slope's
 * by the delta method, {@code se(1/b) = se(b) / b^2}. Goodness of fit: the uncentred {@code R^2 = 1
 * - SSE / Σ r^2} (the model has no intercept) and the slope's t statistic.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trades trades read
 * @param intervals intervals with trades after the first (the regression's observations)
 * @param intervalSeconds the length of an interval
 * @param notional V per observation, in the base currency
 * @param returns r per observation
 * @param slope b, log-return per unit of notional
 * @param slopeError the slope's standard error
 * @param depth 1 / b
 * @param depthError se(b) / b^2
 * @param rSquare the uncentred R^2
 * @param residualSd the residuals' standard deviation (1 / (n - 1) variance)
 */
public record DepthFit(
    int trades,
    int intervals,
    double intervalSeconds,
    double[] notional,
    double[] returns,
    double slope,
    double slopeError,
    double depth,
    double depthError,
    double rSquare,
    double residualSd) {

  /** Fewest observations fitted. */
  public static final int MIN_INTERVALS = 10;

  /**
   * Fits {@code trades} aggregated to intervals of {@code intervalSeconds}.
   *
   * @throws IllegalArgumentException with fewer than {@link #MIN_INTERVALS} observations, or no
   *     trading at all
   */
  public static DepthFit fit(Trades trades, double intervalSeconds) {
    if (!(intervalSeconds > 0)) {
      throw new IllegalArgumentException("the interval must be > 0 s, was " + intervalSeconds);
    }
    int n = trades.size();
    double[] v = new double[n];
    double[] r = new double[n];
    int obs = 0;
    long bucket = Long.MIN_VALUE;
    double lastPrice = Double.NaN;
    double previousClose = Double.NaN;
    double flow = 0;
    for (int i = 0; i <= n; i++) {
      // Intervals on the clock (epoch multiples of the interval), as candles are.
      long b = i < n ? (long) Math.floor(trades.times()[i] / (intervalSeconds * 1000)) : -1;
      if (i == n || (b != bucket && bucket != Long.MIN_VALUE)) {
        if (!Double.isNaN(previousClose)) {
          v[obs] = flow;
          r[obs] = Math.log(lastPrice / previousClose);
          obs++;
        }
        previousClose = lastPrice;
        flow = 0;
      }
      if (i < n) {
        bucket = b;
        lastPrice = trades.prices()[i];
        flow += trades.sizes()[i] * trades.prices()[i];
      }
    }
    if (obs < MIN_INTERVALS) {
      throw new IllegalArgumentException(
          obs
              + " intervals of "
              + intervalSeconds
              + " s with trades after the first; at least "
              + MIN_INTERVALS
              + " are needed (a shorter --interval, or more trades)");
    }
    SimpleRegression reg = new SimpleRegression(false);
    for (int k = 0; k < obs; k++) {
      reg.addData(v[k], r[k]);
    }
    double b = reg.getSlope();
    double se = reg.getSlopeStdErr();
    return new DepthFit(
        n,
        obs,
        intervalSeconds,
        Arrays.copyOf(v, obs),
        Arrays.copyOf(r, obs),
        b,
        se,
        1 / b,
        se / (b * b),
        reg.getRSquare(),
        Math.sqrt(reg.getMeanSquareError()));
  }

  /** The slope's t statistic, {@code b / se(b)}. */
  public double tStatistic() {
    return slope / slopeError;
  }
}
