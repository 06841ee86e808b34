package org.marginfall.experiments.internal.history;

import java.util.Arrays;

/**
 * The prices of a history file, as read: timed observations of one column, or exchange candles.
 * Times are epoch milliseconds (UTC), strictly increasing. Immutable and thread-safe.
 */
public sealed interface PriceTable {

  /** The number of rows. */
  int size();

  /**
   * Timed observations of one price column.
   *
   * @param times epoch milliseconds, strictly increasing
   * @param prices the price at each time, positive
   */
  record Points(long[] times, double[] prices) implements PriceTable {
    /** Copies the columns. */
    public Points {
      times = times.clone();
      prices = prices.clone();
    }

    @Override
    public int size() {
      return times.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Points p
          && Arrays.equals(times, p.times)
          && Arrays.equals(prices, p.prices);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(times) + Arrays.hashCode(prices);
    }
  }

  /**
   * Consecutive candles of one length, without gaps.
   *
   * @param openTimes each candle's open time, epoch milliseconds, every one {@code intervalMillis}
   *     after the last
   * @param intervalMillis the candle length
   * @param open opening prices
   * @param high highest prices
   * @param low lowest prices
   * @param close closing prices
   */
  record Candles(
      long[] openTimes,
      long intervalMillis,
      double[] open,
      double[] high,
      double[] low,
      double[] close)
      implements PriceTable {
    /** Copies the columns. */
    public Candles {
      openTimes = openTimes.clone();
      open = open.clone();
      high = high.clone();
      low = low.clone();
      close = close.clone();
    }

    @Override
    public int size() {
      return openTimes.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Candles c
          && Arrays.equals(openTimes, c.openTimes)
          && intervalMillis == c.intervalMillis
          && Arrays.equals(open, c.open)
          && Arrays.equals(high, c.high)
          && Arrays.equals(low, c.low)
          && Arrays.equals(close, c.close);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(openTimes) + Long.hashCode(intervalMillis);
    }
  }
}
