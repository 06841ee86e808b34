package org.marginfall.experiments.api;

import java.util.List;
import java.util.stream.Collectors;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;

/**
 * The one exception the API throws for bad input: an invalid scenario, override, sweep or a set-up
 * a venue refused. Its message has one line per problem, each naming the source and field as {@code
 * marginfall run} prints them without the {@code error: } prefix (e.g. {@code flash-crash.yaml:
 * venues[1].maintenanceMargin: must be ...}). Immutable and thread-safe.
 */
public final class ExperimentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems, one line each. */
  private final List<String> lines;

  ExperimentException(List<String> lines) {
    super(String.join("\n", lines));
    this.lines = List.copyOf(lines);
  }

  /**
   * The problems, one line each, in the order the message lists them.
   *
   * @return lines of the form {@code file: field: problem}
   */
  public List<String> problems() {
    return lines;
  }

  /** The problems of {@code e}, each prefixed with {@code label} as the CLI prefixes a file's. */
  static ExperimentException of(String label, InvalidSpecException e) {
    return new ExperimentException(
        e.problems().stream().map(p -> line(label, p)).collect(Collectors.toList()));
  }

  /** A set-up a venue refused or a quantity that left its range, at the field that caused it. */
  static ExperimentException of(String label, ScenarioFailure f) {
    return new ExperimentException(List.of(line(label, new Problem(f.field(), f.detail()))));
  }

  private static String line(String label, Problem p) {
    return p.path().isEmpty()
        ? label + ": " + p.message()
        : label + ": " + p.path() + ": " + p.message();
  }
}
