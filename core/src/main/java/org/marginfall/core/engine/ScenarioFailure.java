package org.marginfall.core.engine;

import org.marginfall.core.ledger.LedgerRangeException;

/**
 * A scenario asked the model for something it cannot do or compute: a set-up a venue refuses (a
 * population that borrows more than its venue's reserves hold), or a quantity or price that left
 * the range the model computes in during a run. Names the scenario entry responsible ({@code
 * agents[2]}, {@code venues[0]}, {@code assets[1].price}), the step (0: the set-up) and the problem
 * in the scenario's units; the command line reports it as bad input, one line, exit 2.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final long step;
  private final String problem;
  private final boolean outOfRange;

  /**
   * A failure of {@code field} at {@code step} (0 for the set-up).
   *
   * @param problem what went wrong, in the scenario's units
   * @param outOfRange whether a quantity or price left the computable range (rather than a refused
   *     request)
   */
  public ScenarioFailure(
      String field, long step, String problem, boolean outOfRange, Throwable cause) {
    super(field + ": " + (step == 0 ? "at set-up" : "at step " + step) + ": " + problem, cause);
    this.field = field;
    this.step = step;
    this.problem = problem;
    this.outOfRange = outOfRange;
  }

  /**
   * The failure of {@code entry} (named {@code who}, e.g. "population eth-borrowers") that threw
   * {@code cause} at {@code step}; a range failure of the ledger adds which precision the asset was
   * counted at.
   */
  static ScenarioFailure of(
      String entry, String who, long step, int round, RuntimeException cause) {
    StringBuilder problem = new StringBuilder();
    problem.append(who);
    if (round > 0) {
      problem.append(", liquidation round ").append(round);
    }
    problem.append(": ");
    boolean range = cause instanceof ArithmeticException;
    if (cause instanceof LedgerRangeException r && r.asset() != null) {
      problem
          .append(r.detail())
          .append(" (")
          .append(r.asset())
          .append(" counted at ")
          .append(r.decimals())
          .append(" decimals")
          .append(
              r.decimals() == 0
                  ? ", in whole units: the amounts are too large"
                  : "; declaring fewer in its assets entry widens the range")
          .append(")");
    } else {
      problem.append(cause.getMessage());
    }
    return new ScenarioFailure(entry, step, problem.toString(), range, cause);
  }

  /** The scenario entry or field responsible, e.g. {@code agents[2]} or {@code assets[1].price}. */
  public String field() {
    return field;
  }

  /** The step the failure happened at; 0 for the set-up. */
  public long step() {
    return step;
  }

  /** The message without the field: where in the run, and the problem. */
  public String detail() {
    return (step == 0 ? "at set-up" : "at step " + step) + ": " + problem;
  }

  /**
   * Whether a quantity or price left the computable range (otherwise a venue refused a request).
   */
  public boolean outOfRange() {
    return outOfRange;
  }
}
