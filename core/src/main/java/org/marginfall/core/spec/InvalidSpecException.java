package org.marginfall.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a scenario (or any spec) is invalid; carries every failure with its field path.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception from its failures. */
  public InvalidSpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception for a single failure. */
  public InvalidSpecException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  /** The failures. */
  public List<Problem> problems() {
    return problems;
  }
}
