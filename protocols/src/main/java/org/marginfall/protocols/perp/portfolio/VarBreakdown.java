package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.util.Checks;

/**
 * A value-at-risk requirement: the loss quantile and the mean loss beyond it, before flooring at 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimator how the loss distribution was obtained
 * @param measure which of the two amounts became the requirement
 * @param valueAtRisk the loss quantile at the confidence level over the horizon (may be negative)
 * @param expectedShortfall the mean loss at or beyond the quantile
 * @param observations the number of past price changes used (0 for a given covariance)
 * @param sigma the standard deviation of the horizon PnL (parametric), NaN for historical
 */
public record VarBreakdown(
    ValueAtRisk.Estimator estimator,
    ValueAtRisk.Measure measure,
    double valueAtRisk,
    double expectedShortfall,
    int observations,
    double sigma)
    implements RiskBreakdown {

  /** Validates the amounts. */
  public VarBreakdown {
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(measure, "measure");
    Checks.finite(valueAtRisk, "valueAtRisk");
    Checks.finite(expectedShortfall, "expectedShortfall");
    Checks.nonNegative(observations, "observations");
  }
}
