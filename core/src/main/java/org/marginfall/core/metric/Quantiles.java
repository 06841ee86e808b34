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
   * by selection instead of a full sort (see {@link #selectType7(double[], int, double[])}).
   *
   * @param values the sample, reordered in place; NaN values are not allowed
   * @param ps probabilities in [0, 1], ascending
   * @return the quantiles in the order of {@code ps}; NaN for an empty sample
   */
  public static double[] selectType7(double[] values, double[] ps) {
    return selectType7(values, values.length, ps);
  }

  /**
   * The type-7 quantiles of the first {@code n} of {@code values} at each of the ascending
   * probabilities {@code ps}, by multiple selection: every order statistic they need (⌊h⌋ and ⌊h⌋ +
   * 1 for each) comes out of one recursive partitioning, which recurses only into the parts that
   * hold a wanted rank and finishes small parts by insertion sort. That takes linear expected time
   * for a fixed number of probabilities and gives exactly the values a sort would (order as {@link
   * Double#compare}, so -0.0 precedes 0.0 as in {@link Arrays#sort(double[])}; under that order the
   * value at a rank is unique).
   *
   * @param values the sample in {@code values[0, n)}, reordered in place; NaN values are not
   *     allowed
   * @param n how many of {@code values} form the sample
   * @param ps probabilities in [0, 1], ascending
   * @return the quantiles in the order of {@code ps}; NaN for an empty sample
   */
  public static double[] selectType7(double[] values, int n, double[] ps) {
    if (n < 0 || n > values.length) {
      throw new IllegalArgumentException("n must be in [0, " + values.length + "], was " + n);
    }
    for (int i = 0; i < ps.length; i++) {
      if (!(ps[i] >= 0 && ps[i] <= 1) || (i > 0 && ps[i] < ps[i - 1])) {
        throw new IllegalArgumentException(
            "probabilities must be ascending in [0, 1], was " + Arrays.toString(ps));
      }
    }
    double[] q = new double[ps.length];
    if (n == 0) {
      Arrays.fill(q, Double.NaN);
      return q;
    }
    // The wanted ranks, ascending without repeats: ⌊h⌋ and the next one of each probability.
    int[] ranks = new int[2 * ps.length];
    int wanted = 0;
    for (double p : ps) {
      int lo = (int) Math.floor((n - 1) * p);
      wanted = addRank(ranks, wanted, lo);
      wanted = addRank(ranks, wanted, Math.min(lo + 1, n - 1));
    }
    Arrays.sort(ranks, 0, wanted);
    MultiSelect.select(values, 0, n, ranks, 0, wanted);
    for (int i = 0; i < ps.length; i++) {
      double h = (n - 1) * ps[i];
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      q[i] = values[lo] + (h - lo) * (values[hi] - values[lo]);
    }
    return q;
  }

  /** Appends {@code rank} to {@code ranks[0, count)} unless present; returns the new count. */
  private static int addRank(int[] ranks, int count, int rank) {
    for (int i = 0; i < count; i++) {
      if (ranks[i] == rank) {
        return count;
      }
    }
    ranks[count] = rank;
    return count + 1;
  }
}
