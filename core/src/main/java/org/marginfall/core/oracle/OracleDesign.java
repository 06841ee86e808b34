package org.marginfall.core.oracle;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * Everything that defines how an oracle turns market prices into published prices, applied to each
 * of its feeds in this order: read the {@code sources}, combine them with {@code aggregation},
 * average the last {@code twapSteps} combined values, clamp to {@code [minAnswer, maxAnswer]},
 * apply the {@code rule} (deviation threshold or heartbeat), refuse a value outside {@code band} of
 * the last published one, and override all of that during a scheduled {@code failure}.
 *
 * <p>With no sources given, the oracle has one exact source reading the price {@code
 * rule.latencySteps()} old, which is the Chainlink-style oracle of {@link OracleRule} alone.
 * Immutable and thread-safe.
 *
 * @param rule the deviation-threshold and heartbeat rule (its latency is that of the implicit
 *     source when {@code sources} is empty)
 * @param sources the sources, in scenario order (never empty after construction)
 * @param aggregation how the sources are combined
 * @param twapSteps the window of the time-weighted average in steps (1: no averaging)
 * @param minAnswer the lowest value the feed publishes, {@code >= 0}
 * @param maxAnswer the highest value the feed publishes, {@code > minAnswer} (may be infinite)
 * @param band the largest relative move from the last published value that is accepted, {@code >
 *     0}; infinite for no band
 * @param failures the scheduled failures, in scenario order (the first active one applies)
 */
public record OracleDesign(
    OracleRule rule,
    List<OracleSource> sources,
    Aggregation aggregation,
    int twapSteps,
    double minAnswer,
    double maxAnswer,
    double band,
    List<OracleFailure> failures) {

  /** Validates the fields and fills in the implicit source; messages start with the field name. */
  public OracleDesign {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(aggregation, "aggregation");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      sources = List.of(OracleSource.exact("market", rule.latencySteps()));
    }
    Checks.positive(twapSteps, "twapSteps");
    Checks.nonNegative(minAnswer, "minAnswer");
    checkAnswers(minAnswer, maxAnswer);
    if (!(band > 0)) {
      throw new IllegalArgumentException("band: must be > 0 (infinite for none), was " + band);
    }
    failures = List.copyOf(failures);
  }

  /**
   * The rule of the answer bounds: {@code maxAnswer} above {@code minAnswer}.
   *
   * @throws FieldException at {@code maxAnswer} when it is not
   */
  public static void checkAnswers(double minAnswer, double maxAnswer) {
    if (!(maxAnswer > minAnswer)) {
      throw new FieldException(
          "maxAnswer", "must be above minAnswer (" + minAnswer + "), was " + maxAnswer);
    }
  }

  /** The Chainlink-style design of {@code rule} alone: one exact source, no bounds, no band. */
  public static OracleDesign of(OracleRule rule) {
    return new OracleDesign(
        rule,
        List.of(),
        new Aggregation.Median(),
        1,
        0.0,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        List.of());
  }

  /** Whether some source is noisy, so that the oracle needs a random stream. */
  public boolean needsRandomness() {
    return sources.stream().anyMatch(s -> s.noise() > 0);
  }

  /** Whether some source reads the current price, so intra-tick re-reads can change the feed. */
  public boolean readsCurrentPrice() {
    return sources.stream().anyMatch(s -> s.latencySteps() == 0);
  }

  /** The oldest price any source reads, in steps back. */
  public int maxLatencySteps() {
    return sources.stream().mapToInt(OracleSource::latencySteps).max().orElse(0);
  }

  /** This design without its scheduled failures: a healthy copy of the same oracle. */
  public OracleDesign withoutFailures() {
    return new OracleDesign(
        rule, sources, aggregation, twapSteps, minAnswer, maxAnswer, band, List.of());
  }
}
