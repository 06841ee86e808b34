package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.util.Checks;

/**
 * An inter-commodity credit as applied to one portfolio.
 *
 * <p>Immutable and thread-safe.
 *
 * @param spread the configured spread
 * @param matchedRisk the scanning risk matched on each leg, {@code min} of the legs' unmatched
 *     risks
 * @param credit the credit granted, {@code 2 * rate * matchedRisk}
 */
public record AppliedCredit(InterCommodityCredit spread, double matchedRisk, double credit) {

  /** Validates the amounts. */
  public AppliedCredit {
    Objects.requireNonNull(spread, "spread");
    Checks.nonNegative(matchedRisk, "matchedRisk");
    Checks.nonNegative(credit, "credit");
  }
}
