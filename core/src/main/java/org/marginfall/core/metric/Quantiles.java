package org.marginfall.core.metric;

import java.util.Arrays;

/**
 * Sample quantiles by Hyndman and Fan's definition 7 (Hyndman, R. J. and Fan, Y. (1996), "Sample
 * quantiles in statistical packages", The American Statistician 50(4), 361–365), the default of R
 * and NumPy and the one {@code points.csv} and the reports use: with the values sorted ascending as
 * {@code x_1 ≤ … ≤ x_n} (1-based) and {@code h = (n − 1) p + 1}, {@code Q(p) = x_⌊h⌋ + (h −
 * ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)} ({@code x_n} when {@code h = n}). It is deterministic (no randomisation,
 * no tie-breaking choices) and interpolates linearly between order statistics, so {@code Q(0)} is
 * the minimum, {@code Q(1)} the maximum and {@code Q(0.5)} the usual median.
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

  /**
   * The type-7 quantiles of {@code values} at each of the ascending probabilities {@code ps}, found
   * by selection instead of a full sort: the order statistics they need are selected in ascending
   * order, each from the part of the array above the previous one, which takes linear expected time
   * and gives exactly the values a sort would (order as {@link Double#compare}, so -0.0 precedes
   * 0.0 as in {@link Arrays#sort(double[])}).
   *
   * @param values the sample, reordered in place; NaN values are not allowed
   * @param ps probabilities in [0, 1], ascending
   * @return the quantiles in the order of {@code ps}; NaN for an empty sample
   */
  public static double[] selectType7(double[] values, double[] ps) {
    double[] q = new double[ps.length];
    int n = values.length;
    if (n == 0) {
      Arrays.fill(q, Double.NaN);
      return q;
    }
    int from = 0;
    int selected = -1;
    for (int i = 0; i < ps.length; i++) {
      double p = ps[i];
      if (!(p >= 0 && p <= 1) || (i > 0 && p < ps[i - 1])) {
        throw new IllegalArgumentException(
            "probabilities must be ascending in [0, 1], was " + Arrays.toString(ps));
      }
      double h = (n - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      if (lo > selected) {
        select(values, from, n, lo);
        from = lo;
        selected = lo;
      }
      if (hi > selected) {
        // The smallest of what lies above lo is the next order statistic.
        int min = lo + 1;
        for (int j = lo + 2; j < n; j++) {
          if (Double.compare(values[j], values[min]) < 0) {
            min = j;
          }
        }
        swap(values, lo + 1, min);
        from = hi;
        selected = hi;
      }
      q[i] = values[lo] + (h - lo) * (values[hi] - values[lo]);
    }
    return q;
  }

  /**
   * Puts the k-th smallest of a[from..to) at k, the smaller before it and the larger after it
   * (Hoare's FIND).
   */
  private static void select(double[] a, int from, int to, int k) {
    int left = from;
    int right = to - 1;
    while (right > left) {
      int mid = (left + right) >>> 1;
      // Median of three as the pivot, so sorted runs (common in health values) stay linear.
      if (Double.compare(a[mid], a[left]) < 0) {
        swap(a, mid, left);
      }
      if (Double.compare(a[right], a[left]) < 0) {
        swap(a, right, left);
      }
      if (Double.compare(a[right], a[mid]) < 0) {
        swap(a, right, mid);
      }
      double pivot = a[mid];
      int i = left;
      int j = right;
      while (i <= j) {
        while (Double.compare(a[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
