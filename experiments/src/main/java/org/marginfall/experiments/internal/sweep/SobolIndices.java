package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * First- and total-order Sobol' indices from the outputs of Saltelli's scheme (see {@link Design}),
 * with percentile bootstrap confidence intervals.
 *
 * <p>With f(A), f(B), f(AB_i) the outputs of the N base samples and V the variance of f(A) and f(B)
 * together: first order {@code S_i = mean_j(f(B)_j (f(AB_i)_j - f(A)_j)) / V} (Saltelli et al.
 * 2010, Table 2 (b)); total order {@code ST_i = mean_j((f(A)_j - f(AB_i)_j)^2) / (2V)} (Jansen
 * 1999; Saltelli et al. 2010, Table 2 (f)). The confidence intervals are the 2.5% and 97.5% R-7
 * quantiles of the indices recomputed on {@code bootstrap} resamples of the base samples drawn with
 * replacement. Stateless and thread-safe.
 */
public final class SobolIndices {

  /**
   * The indices of one input.
   *
   * @param first first-order index
   * @param firstLow lower end of its 95% bootstrap interval (NaN without bootstrap)
   * @param firstHigh upper end
   * @param total total-order index
   * @param totalLow lower end of its 95% bootstrap interval (NaN without bootstrap)
   * @param totalHigh upper end
   */
  public record Index(
      double first,
      double firstLow,
      double firstHigh,
      double total,
      double totalLow,
      double totalHigh) {}

  private SobolIndices() {}

  /**
   * The indices of each input.
   *
   * @param a f(A), one value per base sample
   * @param b f(B)
   * @param ab ab[i] = f(AB_i)
   * @param bootstrap resamples for the intervals (0 for none)
   * @param seed the resampling generator's seed
   */
  public static List<Index> compute(
      double[] a, double[] b, double[][] ab, int bootstrap, long seed) {
    int n = a.length;
    int k = ab.length;
    int[] all = new int[n];
    Arrays.setAll(all, j -> j);
    double[][] point = estimate(a, b, ab, all);
    double[][][] boot = new double[k][2][bootstrap];
    RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, 3});
    int[] sample = new int[n];
    for (int r = 0; r < bootstrap; r++) {
      for (int j = 0; j < n; j++) {
        sample[j] = rng.nextInt(n);
      }
      double[][] e = estimate(a, b, ab, sample);
      for (int i = 0; i < k; i++) {
        boot[i][0][r] = e[i][0];
        boot[i][1][r] = e[i][1];
      }
    }
    List<Index> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double[] s = interval(boot[i][0]);
      double[] t = interval(boot[i][1]);
      out.add(new Index(point[i][0], s[0], s[1], point[i][1], t[0], t[1]));
    }
    return out;
  }

  /**
   * {S_i, ST_i} for each input over the base samples {@code idx} (with repeats for a bootstrap).
   */
  private static double[][] estimate(double[] a, double[] b, double[][] ab, int[] idx) {
    int n = idx.length;
    double sum = 0;
    for (int j : idx) {
      sum += a[j] + b[j];
    }
    double mean = sum / (2.0 * n);
    double ss = 0;
    for (int j : idx) {
      ss += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
    }
    double variance = ss / (2.0 * n - 1);
    double[][] out = new double[ab.length][2];
    for (int i = 0; i < ab.length; i++) {
      double first = 0;
      double total = 0;
      for (int j : idx) {
        first += b[j] * (ab[i][j] - a[j]);
        double d = a[j] - ab[i][j];
        total += d * d;
      }
      out[i][0] = first / n / variance;
      out[i][1] = total / (2.0 * n) / variance;
    }
    return out;
  }

  private static double[] interval(double[] values) {
    if (values.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(values);
    return new double[] {p.evaluate(2.5), p.evaluate(97.5)};
  }
}
