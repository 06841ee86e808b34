package org.marginfall.reports.risk;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.metric.Quantiles;

/**
 * Tail-risk statistics of a sample of losses (one value per run), as the reports define them:
 *
 * <ul>
 *   <li>{@code quantile(x, p)}: Hyndman and Fan (1996) type 7 ({@link Quantiles}), the default of R
 *       and NumPy and the one {@code points.csv} uses;
 *   <li>{@code VaR_α = quantile(x, α)}: the loss not exceeded in a share α of the runs (Jorion,
 *       "Value at Risk", 3rd ed., ch. 5, empirical VaR);
 *   <li>{@code ES_α}: the mean of the losses at or above {@code VaR_α} (Acerbi and Tasche 2002, "On
 *       the coherence of expected shortfall", tail mean of the empirical distribution);
 *   <li>a percentile bootstrap interval (Efron and Tibshirani 1993, ch. 13): the statistic
 *       recomputed on {@code resamples} samples drawn with replacement by a {@link
 *       SplittableRandom} with a fixed seed, and the 2.5% and 97.5% type-7 quantiles of the
 *       results.
 * </ul>
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RiskMeasures {

  /** Seed of every bootstrap in the reports, fixed so a report is reproducible to the bit. */
  public static final long BOOTSTRAP_SEED = 20_261_121L;

  /** Bootstrap resamples per interval. */
  public static final int BOOTSTRAP_RESAMPLES = 1000;

  private RiskMeasures() {}

  /**
   * Type-7 quantile of {@code values} (not modified) at probability {@code p} in [0, 1]; NaN if
   * empty.
   */
  public static double quantile(double[] values, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return Quantiles.sortedType7(sorted, p);
  }

  /** {@code VaR_α}: the type-7 α-quantile of the losses; NaN if empty. */
  public static double valueAtRisk(double[] losses, double alpha) {
    return quantile(losses, alpha);
  }

  /** {@code ES_α}: the mean of the losses at or above {@code VaR_α}; NaN if empty. */
  public static double expectedShortfall(double[] losses, double alpha) {
    if (losses.length == 0) {
      return Double.NaN;
    }
    double var = valueAtRisk(losses, alpha);
    double sum = 0;
    int n = 0;
    for (double loss : losses) {
      if (loss >= var) {
        sum += loss;
        n++;
      }
    }
    return sum / n;
  }

  /** The arithmetic mean; NaN if empty. */
  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  /**
   * The 95% percentile bootstrap interval of {@code statistic} over {@code values}, with {@link
   * #BOOTSTRAP_RESAMPLES} resamples seeded by {@link #BOOTSTRAP_SEED}.
   *
   * @return {low, high}; both NaN when there are fewer than two values
   */
  public static double[] bootstrap95(double[] values, ToDoubleFunction<double[]> statistic) {
    return bootstrap(values, statistic, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
  }

  /**
   * A 95% percentile bootstrap interval with the given resamples and seed; NaNs below two values.
   */
  public static double[] bootstrap(
      double[] values, ToDoubleFunction<double[]> statistic, int resamples, long seed) {
    if (values.length < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    double[] sample = new double[values.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = values[random.nextInt(values.length)];
      }
      stats[b] = statistic.applyAsDouble(sample);
    }
    Arrays.sort(stats);
    return new double[] {Quantiles.sortedType7(stats, 0.025), Quantiles.sortedType7(stats, 0.975)};
  }
}
