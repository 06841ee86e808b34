package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.List;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.marginfall.experiments.internal.calibrate.Estimate;

/**
 * Maximum-likelihood fits of the scenario distributions population fields take, in closed form,
 * with standard errors and a Kolmogorov-Smirnov goodness of fit. Stateless.
 *
 * <p>The KS p-value is computed as if the parameters were known; fitted to the same values, the
 * true p-value is smaller (Lilliefors 1967, https://doi.org/10.1080/01621459.1967.10482916), so a
 * small p-value rejects the fit and a large one is only "not rejected".
 */
public final class DistributionMle {

  /** Fewest values a fit is made from. */
  public static final int MIN_VALUES = 10;

  private DistributionMle() {}

  /**
   * Lognormal {@code {median, sigma}} fitted to positive {@code values}: the logarithms' mean
   * {@code mu} and their 1/n standard deviation {@code sigma} are the MLE, {@code median = e^mu}
   * (https://en.wikipedia.org/wiki/Log-normal_distribution#Estimation_of_parameters). Standard
   * errors from the inverse Fisher information of the normal, {@code se(mu) = sigma / sqrt(n)} and
   * {@code se(sigma) = sigma / sqrt(2n)}, with the delta method's {@code se(median) = median
   * se(mu)}.
   */
  public static DistributionFit lognormal(String field, double[] values) {
    check(values);
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(field + ": a lognormal needs positive values, got " + v);
      }
      sum += StrictMath.log(v);
    }
    double mu = sum / n;
    double squares = 0;
    for (double v : values) {
      double d = StrictMath.log(v) - mu;
      squares += d * d;
    }
    double sigma = StrictMath.sqrt(squares / n);
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          field + ": all " + n + " values are equal (" + values[0] + "): use a constant");
    }
    double median = StrictMath.exp(mu);
    List<Estimate> estimates =
        List.of(
            new Estimate("median", median, median * sigma / StrictMath.sqrt(n)),
            new Estimate("sigma", sigma, sigma / StrictMath.sqrt(2.0 * n)));
    return withKs(field, "lognormal", estimates, values);
  }

  /**
   * Uniform {@code {min, max}} fitted to {@code values}: the MLE is the sample's least and greatest
   * value. The likelihood is not regular there, so the standard error is the exact standard
   * deviation of the extreme of n uniforms, {@code (max - min) sqrt(n) / ((n + 1) sqrt(n + 2))}
   * (the k-th order statistic is Beta(k, n + 1 - k):
   * https://en.wikipedia.org/wiki/Order_statistic#Order_statistics_sampled_from_a_uniform_distribution);
   * the estimates lie inside the true range, by {@code (max - min) / (n + 1)} on average.
   */
  public static DistributionFit uniform(String field, double[] values) {
    check(values);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(field + ": a uniform needs finite values, got " + v);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (!(max > min)) {
      throw new IllegalArgumentException(
          field + ": all " + values.length + " values are equal (" + min + "): use a constant");
    }
    int n = values.length;
    double se = (max - min) * StrictMath.sqrt(n) / ((n + 1) * StrictMath.sqrt(n + 2.0));
    return withKs(
        field,
        "uniform",
        List.of(new Estimate("min", min, se), new Estimate("max", max, se)),
        values);
  }

  /**
   * A share {@code k / n} (the MLE of a Bernoulli probability) with its standard error {@code
   * sqrt(p(1-p)/n)}.
   */
  public static Estimate share(String name, long k, long n) {
    if (n < 1 || k < 0 || k > n) {
      throw new IllegalArgumentException(
          name + ": needs 0 <= k <= n and n >= 1, was " + k + " of " + n);
    }
    double p = (double) k / n;
    return new Estimate(name, p, StrictMath.sqrt(p * (1 - p) / n));
  }

  private static DistributionFit withKs(
      String field, String dist, List<Estimate> estimates, double[] values) {
    DistributionFit unscored =
        new DistributionFit(field, dist, estimates, values, Double.NaN, Double.NaN);
    RealDistribution fitted = unscored.fitted();
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double d = ks.kolmogorovSmirnovStatistic(fitted, values);
    double p = ks.kolmogorovSmirnovTest(fitted, values, false);
    return new DistributionFit(field, dist, estimates, values, d, p);
  }

  private static void check(double[] values) {
    if (values.length < MIN_VALUES) {
      throw new IllegalArgumentException(
          "a fit needs at least " + MIN_VALUES + " values, got " + values.length);
    }
  }
}
