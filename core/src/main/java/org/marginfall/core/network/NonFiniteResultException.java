package org.marginfall.core.network;

/**
 * A network model produced a non-finite number (infinity or NaN) for a node: the inputs are too
 * large or too small for double precision. Carries the model and the node so that the error names
 * both; thrown instead of returning a result that contains the number.
 */
public final class NonFiniteResultException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  /**
   * @param model the model's name, e.g. {@code Eisenberg-Noe}
   * @param node the node's id
   * @param quantity what was being computed, e.g. {@code payment}
   * @param value the non-finite value
   */
  public NonFiniteResultException(String model, String node, String quantity, double value) {
    super(
        model
            + ": node "
            + node
            + ": "
            + quantity
            + " is "
            + value
            + " (not a finite number: the inputs exceed double precision; scale the amounts, docs/contagion.md, Network file format)");
  }

  /** Throws if {@code value} is not finite. */
  static void check(double value, String model, String node, String quantity) {
    if (!Double.isFinite(value)) {
      throw new NonFiniteResultException(model, node, quantity, value);
    }
  }
}
