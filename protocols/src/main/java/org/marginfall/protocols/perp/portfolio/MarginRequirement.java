package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.util.Checks;

/**
 * The requirements a portfolio-margin model sets for one portfolio, and how it got there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initial the equity needed to open or increase risk, {@code >= maintenance}
 * @param maintenance the equity below which the account is liquidatable, {@code >= 0}
 * @param breakdown the per-model detail (worst scenarios for a grid, quantile for VaR)
 */
public record MarginRequirement(double initial, double maintenance, RiskBreakdown breakdown) {

  /** Validates the ordering of the requirements. */
  public MarginRequirement {
    Checks.nonNegative(maintenance, "maintenance");
    Checks.nonNegative(initial, "initial");
    if (initial < maintenance) {
      throw new IllegalArgumentException(
          "initial: must be >= maintenance (" + maintenance + "), was " + initial);
    }
    Objects.requireNonNull(breakdown, "breakdown");
  }
}
