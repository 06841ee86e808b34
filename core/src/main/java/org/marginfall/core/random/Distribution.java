package org.marginfall.core.random;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.marginfall.core.util.Checks;

/**
 * A univariate distribution sampled by inversion ({@link #quantile(double)} of one uniform).
 *
 * <p>Scenario files name these families; quantiles use Commons Math's inverse CDFs. Every
 * implementation is immutable and thread-safe.
 */
public sealed interface Distribution
    permits Distribution.Constant,
        Distribution.Uniform,
        Distribution.Normal,
        Distribution.LogNormal,
        Distribution.Exponential,
        Distribution.Triangular {

  /** The quantile at probability {@code u} in (0, 1). */
  double quantile(double u);

  /** The smallest value the distribution can produce. */
  double lowerBound();

  /** The largest value the distribution can produce. */
  double upperBound();

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    /** Validates the value. */
    public Constant {
      Checks.finite(value, "value");
    }

    @Override
    public double quantile(double u) {
      return value;
    }

    @Override
    public double lowerBound() {
      return value;
    }

    @Override
    public double upperBound() {
      return value;
    }
  }

  /** Uniform on {@code [min, max]}. */
  record Uniform(double min, double max) implements Distribution {
    /** Validates the bounds. */
    public Uniform {
      Checks.finite(min, "min");
      Checks.finite(max, "max");
      if (!(max > min)) {
        throw new IllegalArgumentException("max: must be above min (" + min + "), was " + max);
      }
    }

    @Override
    public double quantile(double u) {
      return min + (max - min) * u;
    }

    @Override
    public double lowerBound() {
      return min;
    }

    @Override
    public double upperBound() {
      return max;
    }
  }

  /** Normal with mean and standard deviation. */
  record Normal(double mean, double sd) implements Distribution {
    /** Validates the parameters. */
    public Normal {
      Checks.finite(mean, "mean");
      Checks.positive(sd, "sd");
    }

    @Override
    public double quantile(double u) {
      return new NormalDistribution(null, mean, sd).inverseCumulativeProbability(u);
    }

    @Override
    public double lowerBound() {
      return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upperBound() {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** Log-normal given by its median and the standard deviation of its logarithm. */
  record LogNormal(double median, double sigma) implements Distribution {
    /** Validates the parameters. */
    public LogNormal {
      Checks.positive(median, "median");
      Checks.positive(sigma, "sigma");
    }

    @Override
    public double quantile(double u) {
      return new LogNormalDistribution(null, StrictMath.log(median), sigma)
          .inverseCumulativeProbability(u);
    }

    @Override
    public double lowerBound() {
      return 0;
    }

    @Override
    public double upperBound() {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double mean) implements Distribution {
    /** Validates the mean. */
    public Exponential {
      Checks.positive(mean, "mean");
    }

    @Override
    public double quantile(double u) {
      return -mean * StrictMath.log1p(-u);
    }

    @Override
    public double lowerBound() {
      return 0;
    }

    @Override
    public double upperBound() {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** Triangular on {@code [min, max]} with the given mode. */
  record Triangular(double min, double mode, double max) implements Distribution {
    /** Validates the parameters. */
    public Triangular {
      Checks.finite(min, "min");
      Checks.finite(mode, "mode");
      Checks.finite(max, "max");
      if (!(min <= mode && mode <= max && min < max)) {
        throw new IllegalArgumentException("mode: must satisfy min <= mode <= max with min < max");
      }
    }

    @Override
    public double quantile(double u) {
      double range = max - min;
      double cut = (mode - min) / range;
      if (u < cut) {
        return min + StrictMath.sqrt(u * range * (mode - min));
      }
      return max - StrictMath.sqrt((1 - u) * range * (max - mode));
    }

    @Override
    public double lowerBound() {
      return min;
    }

    @Override
    public double upperBound() {
      return max;
    }
  }
}
