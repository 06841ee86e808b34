package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.marginfall.experiments.internal.calibrate.Estimate;

/**
 * A population field's distribution fitted to the values a snapshot gives it, with how well it
 * fits.
 *
 * <p>Immutable (the values are copied and sorted) and thread-safe.
 *
 * @param field the population field, e.g. {@code collateral}
 * @param dist the scenario's distribution name: {@code lognormal} or {@code uniform}
 * @param estimates the parameters in the scenario's order ({@code median, sigma} or {@code min,
 *     max})
 * @param values the measured values, ascending
 * @param ksStatistic the Kolmogorov-Smirnov distance between the values and the fitted distribution
 * @param ksPValue its p-value (conservative, as the parameters were fitted to the same values)
 */
public record DistributionFit(
    String field,
    String dist,
    List<Estimate> estimates,
    double[] values,
    double ksStatistic,
    double ksPValue) {

  /** Copies the estimates and sorts a copy of the values. */
  public DistributionFit {
    estimates = List.copyOf(estimates);
    values = values.clone();
    java.util.Arrays.sort(values);
  }

  /** The fitted distribution, for its CDF. */
  public RealDistribution fitted() {
    double a = estimates.get(0).value();
    double b = estimates.get(1).value();
    return dist.equals("lognormal")
        ? new LogNormalDistribution(null, StrictMath.log(a), b)
        : new UniformRealDistribution(null, a, b);
  }

  /** The scenario distribution, e.g. {@code {dist: lognormal, median: 5000.12, sigma: 0.8}}. */
  public String yaml() {
    return String.format(
        Locale.ROOT,
        "{dist: %s, %s: %s, %s: %s}",
        dist,
        estimates.get(0).name(),
        number(estimates.get(0).value()),
        estimates.get(1).name(),
        number(estimates.get(1).value()));
  }

  /** A value as a fragment writes it: six significant digits. */
  static String number(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v))
        .stripTrailingZeros()
        .toPlainString();
  }
}
