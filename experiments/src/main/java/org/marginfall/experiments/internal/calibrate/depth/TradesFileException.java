package org.marginfall.experiments.internal.calibrate.depth;

import java.util.List;

/**
 * A trades file that cannot be used: one message per problem, each naming file, line and column.
 */
public final class TradesFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** The problems, in file order. */
  public TradesFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each. */
  public List<String> problems() {
    return problems;
  }
}
