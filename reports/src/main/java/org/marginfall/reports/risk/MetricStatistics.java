package org.marginfall.reports.risk;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.marginfall.core.metric.Quantiles;

/**
 * Summary statistics of one metric over the replications of one point.
 *
 * <p>The standard deviation is the sample one (n - 1). The 95% confidence interval of the mean is
 * the percentile bootstrap (Efron and Tibshirani 1993, ch. 13; {@link RiskMeasures#bootstrap95},
 * 1,000 resamples with a fixed seed): it stays inside the values' range, so a bad debt's interval
 * never goes below zero and a share's stays in [0, 1], which the symmetric Student's t interval
 * does not for the skewed, bounded metrics a sweep measures. Quantiles use estimation type R-7
 * (Hyndman and Fan 1996, definition 7, the default of R and NumPy) through {@link Quantiles}, the
 * one implementation the health bands and the reports' risk measures use too. Values that are NaN
 * here are undefined (no value, or n < 2 for the spread and the interval). Immutable and
 * thread-safe.
 *
 * @param n values (successful runs with a value)
 * @param mean the mean
 * @param sd sample standard deviation
 * @param ciLow lower end of the 95% bootstrap interval of the mean
 * @param ciHigh upper end of the 95% bootstrap interval of the mean
 * @param min smallest value
 * @param q05 5% quantile
 * @param q25 25% quantile
 * @param median 50% quantile
 * @param q75 75% quantile
 * @param q95 95% quantile
 * @param max largest value
 * @param positive share of values above zero (e.g. the probability of bad debt)
 */
public record MetricStatistics(
    int n,
    double mean,
    double sd,
    double ciLow,
    double ciHigh,
    double min,
    double q05,
    double q25,
    double median,
    double q75,
    double q95,
    double max,
    double positive) {

  /** The statistics of {@code values}. */
  public static MetricStatistics of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      double nan = Double.NaN;
      return new MetricStatistics(0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    DescriptiveStatistics d = new DescriptiveStatistics(x);
    double mean = d.getMean();
    double sd = n > 1 ? d.getStandardDeviation() : Double.NaN;
    double[] interval = RiskMeasures.bootstrap95(x, RiskMeasures::mean);
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    long positive = values.stream().filter(v -> v > 0).count();
    return new MetricStatistics(
        n,
        mean,
        sd,
        interval[0],
        interval[1],
        d.getMin(),
        Quantiles.sortedType7(sorted, 0.05),
        Quantiles.sortedType7(sorted, 0.25),
        Quantiles.sortedType7(sorted, 0.50),
        Quantiles.sortedType7(sorted, 0.75),
        Quantiles.sortedType7(sorted, 0.95),
        d.getMax(),
        (double) positive / n);
  }

  /** The column names of the statistics, in {@link #cells()} order. */
  public static List<String> columns() {
    return List.of(
        "n",
        "mean",
        "sd",
        "ci95_low",
        "ci95_high",
        "min",
        "q05",
        "q25",
        "q50",
        "q75",
        "q95",
        "max",
        "share_positive");
  }

  /** The statistics as table cells (empty where undefined). */
  public List<String> cells() {
    return List.of(
        Integer.toString(n),
        f(mean),
        f(sd),
        f(ciLow),
        f(ciHigh),
        f(min),
        f(q05),
        f(q25),
        f(median),
        f(q75),
        f(q95),
        f(max),
        f(positive));
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
