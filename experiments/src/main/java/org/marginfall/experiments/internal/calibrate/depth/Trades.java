package org.marginfall.experiments.internal.calibrate.depth;

/**
 * A trades file as read: each trade's time, price and signed size (positive: the taker bought), in
 * file order, times non-decreasing.
 *
 * <p>Immutable after reading (the arrays are not handed out to be changed); thread-safe.
 *
 * @param layout how the file was read: {@code header} or {@code aggTrades}
 * @param times epoch milliseconds
 * @param prices prices in the base currency, positive
 * @param sizes signed sizes in units, nonzero
 */
public record Trades(String layout, long[] times, double[] prices, double[] sizes) {

  /** Checks the lengths. */
  public Trades {
    if (times.length != prices.length || times.length != sizes.length) {
      throw new IllegalArgumentException("times, prices and sizes differ in length");
    }
  }

  /** The number of trades. */
  public int size() {
    return times.length;
  }
}
