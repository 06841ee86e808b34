package org.marginfall.core.metric;

import java.util.Arrays;

/**
 * Sample quantiles by Hyndman and Fan's definition 7 (Hyndman, R. J. and Fan, Y. (1996), "Sample
 * quantiles in statistical packages", The American Statistician 50(4), 361–365), the default of R
 * and NumPy and the one {@code points.csv} and the reports use: with the values sorted ascending as
 * {@code x_1 ≤ … ≤ x_n} (1-based) and {@code h = (n − 1) p + 1},
 * {@code Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)} ({@code x_n} when {@code h = n}). It is
 * deterministic (no randomisation, no tie-breaking choices) and interpolates linearly between order
 * statistics, so {@code Q(0)} is the minimum, {@code Q(1)} the maximum and {@code Q(0.5)} the usual
 * median.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class Quantiles {

  private Quantiles() {}

  /**
   * The type-7 quantile of {@code values} at probability {@code p}.
   *
   * @param values the sample, not modified; NaN values are not allowed
   * @param p a probability in [0, 1]
   * @return the quantile, NaN for an empty sample
   * @throws IllegalArgumentException when {@code p} is outside [0, 1] or a value is NaN
   */
  public static double type7(double[] values, double p) {
    double[] sorted = values.clone();
    for (double v : sorted) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values must not be NaN");
      }
    }
    Arrays.sort(sorted);
    return sortedType7(sorted, p);
  }

  /**
   * The type-7 quantile of an already ascending sample (no copy, no check of the order).
   *
   * @throws IllegalArgumentException when {@code p} is outside [0, 1]
   */
  public static double sortedType7(double[] sorted, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    // 0-based form of h = (n - 1) p + 1.
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
