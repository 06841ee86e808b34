package org.marginfall.experiments.internal.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PriceTable} into one price per scenario step (docs/scenarios.md, "Replayed and
 * bootstrapped prices").
 *
 * <p>The table becomes a list of timed anchors, and step {@code k} at time {@code start + k·Δ}
 * takes the last anchor at or before it. Points are anchors as they are. Candles under {@link
 * Rule#LAST} anchor the first candle's open at its open time and each close at the candle's end.
 * Under {@link Rule#OHLC} each candle also anchors its two extremes at one and two thirds of its
 * length, the one against the candle's direction first — open, low, high, close for a candle that
 * closes at or above its open, open, high, low, close for one that closes below — the usual
 * conservative path assumption of bar-based backtests. {@code OHLC} needs at least three steps per
 * candle, so that every anchor (and so every wick) gets a step. Times are kept in thirds of a
 * millisecond, so the anchors are exact. Stateless.
 */
public final class Resampler {

  /** How candles become a path. */
  public enum Rule {
    /** The last price known at each step: the close of the last candle ended. */
    LAST,
    /** A path through each candle's open, extremes and close. */
    OHLC
  }

  /**
   * A resampled window.
   *
   * @param prices the price at each step, {@code prices[0]} at the window's start
   * @param start the first step's time, epoch milliseconds
   * @param dataEnd the time of the last price the window may use, epoch milliseconds
   */
  public record Window(double[] prices, long start, long dataEnd) {}

  private Resampler() {}

  /**
   * The prices at steps {@code 0 .. steps} from {@code start} (or the first price's time when
   * absent). With {@code steps} absent, as many steps as the data covers up to {@code end}.
   *
   * @param start the window's start, epoch ms, or null for the table's first price
   * @param end the last time the window may use, epoch ms, or null for the table's last price
   * @param steps the steps the window must cover, or -1 for as many as the data holds
   * @throws IllegalArgumentException with a message in the user's units when the window does not
   *     fit
   */
  public static Window resample(
      PriceTable table,
      Rule rule,
      Long start,
      Long end,
      double stepSeconds,
      long steps,
      String file) {
    long stepThirds = StrictMath.round(stepSeconds * 3000);
    if (stepThirds < 1) {
      throw new IllegalArgumentException(
          "stepSeconds " + stepSeconds + " is below the file's millisecond resolution");
    }
    List<long[]> times = new ArrayList<>();
    List<Double> prices = new ArrayList<>();
    anchors(table, rule, stepThirds, times, prices, file);
    long first = times.get(0)[0];
    long last = times.get(times.size() - 1)[0];
    long from = start == null ? first : start * 3;
    long to = end == null ? last : Math.min(last, end * 3);
    if (from < first) {
      throw new IllegalArgumentException(
          "start "
              + TimeParser.show(from / 3)
              + " is before "
              + file
              + "'s first price at "
              + TimeParser.show(first / 3));
    }
    if (to < from) {
      throw new IllegalArgumentException(
          "the window from "
              + TimeParser.show(from / 3)
              + " to "
              + TimeParser.show(to / 3)
              + " holds no step");
    }
    long covered = (to - from) / stepThirds;
    long n = steps < 0 ? covered : steps;
    if (n > covered) {
      throw new IllegalArgumentException(
          n
              + " steps of "
              + SecondsText.of(stepSeconds)
              + " from "
              + TimeParser.show(from / 3)
              + " run to "
              + TimeParser.show((from + n * stepThirds) / 3)
              + ", but "
              + file
              + " has prices until "
              + TimeParser.show(to / 3)
              + (end != null && end * 3 < last ? " (the end set)" : "")
              + ": it covers "
              + covered
              + " steps");
    }
    double[] out = new double[(int) n + 1];
    int a = 0;
    for (int k = 0; k <= n; k++) {
      long t = from + k * stepThirds;
      while (a + 1 < times.size() && times.get(a + 1)[0] <= t) {
        a++;
      }
      out[k] = prices.get(a);
    }
    return new Window(out, from / 3, to / 3);
  }

  private static void anchors(
      PriceTable table,
      Rule rule,
      long stepThirds,
      List<long[]> times,
      List<Double> prices,
      String file) {
    if (table instanceof PriceTable.Points p) {
      if (rule == Rule.OHLC) {
        throw new IllegalArgumentException(
            "resample: ohlc needs candles, but " + file + " holds one price column");
      }
      for (int i = 0; i < p.size(); i++) {
        add(times, prices, p.times()[i] * 3, p.prices()[i]);
      }
    } else if (table instanceof PriceTable.Candles c) {
      long d = c.intervalMillis();
      if (rule == Rule.OHLC && stepThirds > d) {
        throw new IllegalArgumentException(
            "resample: ohlc needs at least three steps per candle so that every wick"
                + " gets a step, but candles of "
                + SecondsText.of(d / 1000.0)
                + " hold "
                + SecondsText.ratio(d * 3.0 / stepThirds)
                + " steps; use stepSeconds of at most "
                + SecondsText.of(d / 3000.0)
                + " or resample: last");
      }
      add(times, prices, c.openTimes()[0] * 3, c.open()[0]);
      for (int i = 0; i < c.size(); i++) {
        long t = c.openTimes()[i] * 3;
        if (rule == Rule.OHLC) {
          boolean up = c.close()[i] >= c.open()[i];
          add(times, prices, t + d, up ? c.low()[i] : c.high()[i]);
          add(times, prices, t + 2 * d, up ? c.high()[i] : c.low()[i]);
        }
        add(times, prices, t + 3 * d, c.close()[i]);
      }
    }
  }

  private static void add(List<long[]> times, List<Double> prices, long t, double p) {
    times.add(new long[] {t});
    prices.add(p);
  }

  /** Seconds and ratios as the messages print them. */
  static final class SecondsText {
    private SecondsText() {}

    static String of(double seconds) {
      return (seconds == Math.rint(seconds)
              ? Long.toString((long) seconds)
              : Double.toString(seconds))
          + " s";
    }

    static String ratio(double r) {
      return r == Math.rint(r)
          ? Long.toString((long) r)
          : String.format(java.util.Locale.ROOT, "%.2f", r);
    }
  }
}
