package org.marginfall.core.engine;

import java.util.List;

/**
 * An audited run broke an invariant (conservation, finiteness, a venue's own rules).
 *
 * <p>Immutable and thread-safe.
 */
public final class InvariantViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long step;
  private final transient List<String> problems;

  /** Creates the exception for the violations found at {@code step}. */
  public InvariantViolationException(long step, List<String> problems) {
    super("invariant broken at step " + step + ": " + String.join("; ", problems));
    this.step = step;
    this.problems = List.copyOf(problems);
  }

  /** The step at which the audit failed. */
  public long step() {
    return step;
  }

  /** The violations. */
  public List<String> problems() {
    return problems;
  }
}
