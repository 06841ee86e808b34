package org.marginfall.core.spec;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.marginfall.core.random.Distribution;

/**
 * Reads a {@link Distribution} from a scenario: a plain number is a constant, a mapping names its
 * family in {@code dist:} ({@code constant, uniform, normal, lognormal, exponential, triangular}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DistributionReader {

  /**
   * The largest {@code sigma} of a lognormal: e^(10 x 8) already spans 35 orders of magnitude
   * between the extreme draws; beyond it the inverse CDF no longer brackets its answer.
   */
  public static final double MAX_LOG_SIGMA = 10;

  /** The reader of each family's fields, by its name in {@code dist:}. */
  private static final Map<String, Function<SpecNode, Distribution>> READERS =
      Map.of(
          "constant",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "value");
            double v = n.number("value");
            return mark.failed() ? null : n.build(() -> new Distribution.Constant(v));
          },
          "uniform",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "min", "max");
            double min = n.number("min");
            double max = n.number("max");
            return mark.failed() ? null : n.build(() -> new Distribution.Uniform(min, max));
          },
          "normal",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "mean", "sd");
            double mean = n.number("mean");
            double sd = n.positive("sd");
            return mark.failed() ? null : n.build(() -> new Distribution.Normal(mean, sd));
          },
          "lognormal",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "median", "sigma");
            double median = n.positive("median");
            double sigma = n.positive("sigma");
            if (sigma > MAX_LOG_SIGMA) {
              n.get("sigma").fail("must be at most " + (int) MAX_LOG_SIGMA + ", was " + sigma);
            }
            return mark.failed() ? null : n.build(() -> new Distribution.LogNormal(median, sigma));
          },
          "exponential",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "mean");
            double mean = n.positive("mean");
            return mark.failed() ? null : n.build(() -> new Distribution.Exponential(mean));
          },
          "triangular",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("dist", "min", "mode", "max");
            double min = n.number("min");
            double mode = n.number("mode");
            double max = n.number("max");
            return mark.failed()
                ? null
                : n.build(() -> new Distribution.Triangular(min, mode, max));
          });

  /** The family names, sorted. */
  public static final String FAMILIES = String.join(", ", new TreeSet<>(READERS.keySet()));

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
    Function<SpecNode, Distribution> reader = node.choice("dist", "distribution", READERS);
    return reader == null ? null : reader.apply(node);
  }
}
