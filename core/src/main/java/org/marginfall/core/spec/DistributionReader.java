package org.marginfall.core.spec;

import org.marginfall.core.random.Distribution;

/**
 * Reads a {@link Distribution} from a scenario: a plain number is a constant, a mapping names its
 * family in {@code dist:} ({@code constant, uniform, normal, lognormal, exponential, triangular}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DistributionReader {

  /** The family names. */
  public static final String FAMILIES =
      "constant, exponential, lognormal, normal, triangular, uniform";

  /**
   * The largest {@code sigma} of a lognormal: e^(10 x 8) already spans 35 orders of magnitude
   * between the extreme draws; beyond it the inverse CDF no longer brackets its answer.
   */
  public static final double MAX_LOG_SIGMA = 10;

  private DistributionReader() {}

  /**
   * Reads the distribution at {@code node}.
   *
   * @return the distribution, or null after a failure
   */
  public static Distribution read(SpecNode node) {
    Problems.Mark mark = node.mark();
    if (node.isNumber()) {
      double v = node.asDouble();
      return mark.failed() ? null : new Distribution.Constant(v);
    }
    if (!node.requireObject()) {
      return null;
    }
    String family = node.string("dist");
    Distribution d =
        switch (family) {
          case "constant" -> {
            node.allowOnly("dist", "value");
            double v = node.number("value");
            yield mark.failed() ? null : node.build(() -> new Distribution.Constant(v));
          }
          case "uniform" -> {
            node.allowOnly("dist", "min", "max");
            double min = node.number("min");
            double max = node.number("max");
            yield mark.failed() ? null : node.build(() -> new Distribution.Uniform(min, max));
          }
          case "normal" -> {
            node.allowOnly("dist", "mean", "sd");
            double mean = node.number("mean");
            double sd = node.positive("sd");
            yield mark.failed() ? null : node.build(() -> new Distribution.Normal(mean, sd));
          }
          case "lognormal" -> {
            node.allowOnly("dist", "median", "sigma");
            double median = node.positive("median");
            double sigma = node.positive("sigma");
            if (sigma > MAX_LOG_SIGMA) {
              node.get("sigma").fail("must be at most " + (int) MAX_LOG_SIGMA + ", was " + sigma);
            }
            yield mark.failed()
                ? null
                : node.build(() -> new Distribution.LogNormal(median, sigma));
          }
          case "exponential" -> {
            node.allowOnly("dist", "mean");
            double mean = node.positive("mean");
            yield mark.failed() ? null : node.build(() -> new Distribution.Exponential(mean));
          }
          case "triangular" -> {
            node.allowOnly("dist", "min", "mode", "max");
            double min = node.number("min");
            double mode = node.number("mode");
            double max = node.number("max");
            yield mark.failed()
                ? null
                : node.build(() -> new Distribution.Triangular(min, mode, max));
          }
          default -> {
            // a missing or non-scalar dist has been reported by string("dist") already
            if (mark.clean()) {
              node.get("dist")
                  .fail("unknown distribution '" + family + "' (known: " + FAMILIES + ")");
            }
            yield null;
          }
        };
    return d;
  }
}
