package org.marginfall.core.price;

import java.util.Arrays;

/**
 * A replayed price path: the fundamental price at every step {@code 0 .. steps}, already resampled
 * from the file and scaled. Step {@code k}'s price is {@code prices[k]} times the product of the
 * scheduled shocks' factors so far, so shocks still apply on top of the replay.
 *
 * <p>Immutable and thread-safe.
 *
 * @param prices the price at each step, all positive and finite; {@code prices[0]} is the initial
 *     price
 * @param returnScale the realised volatility per step of the path's log-returns
 */
public record ReplayPath(double[] prices, double returnScale) implements HistoricalPrices {

  /** Validates and copies the path. */
  public ReplayPath {
    prices = prices.clone();
    if (prices.length < 2) {
      throw new IllegalArgumentException(
          "prices: a replay needs at least two steps, has " + prices.length);
    }
    for (int k = 0; k < prices.length; k++) {
      if (!(prices[k] > 0) || !Double.isFinite(prices[k])) {
        throw new IllegalArgumentException(
            "prices: step " + k + " is not a positive finite price: " + prices[k]);
      }
    }
  }

  /** The replay of {@code prices}, with the moments of its own log-returns. */
  public static ReplayPath of(double[] prices) {
    double[] r = logReturns(prices);
    return new ReplayPath(prices, HistoricalPrices.rms(r));
  }

  /** The per-step log-returns {@code ln(p[k] / p[k-1])}, {@code k = 1 .. n-1}. */
  public static double[] logReturns(double[] prices) {
    double[] r = new double[Math.max(0, prices.length - 1)];
    for (int k = 1; k < prices.length; k++) {
      r[k - 1] = StrictMath.log(prices[k] / prices[k - 1]);
    }
    return r;
  }

  /** The number of steps the path covers after step 0. */
  public int steps() {
    return prices.length - 1;
  }

  /** The price at step {@code k}. */
  public double price(int k) {
    return prices[k];
  }

  @Override
  public double[] prices() {
    return prices.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplayPath p && Arrays.equals(prices, p.prices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(prices);
  }

  @Override
  public String toString() {
    return "ReplayPath[" + steps() + " steps from " + prices[0] + "]";
  }
}
