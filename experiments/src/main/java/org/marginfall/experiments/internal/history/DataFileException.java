package org.marginfall.experiments.internal.history;

import java.util.List;

/**
 * A data file that cannot be used, with one message per problem, each naming the file and its line
 * or row.
 */
public final class DataFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The problems, one line each. */
  private final List<String> problems;

  /** Creates the exception from at least one problem. */
  public DataFileException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each. */
  public List<String> problems() {
    return problems;
  }
}
