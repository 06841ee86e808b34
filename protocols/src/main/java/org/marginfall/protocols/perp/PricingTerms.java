package org.marginfall.protocols.perp;

import java.util.Objects;
import org.marginfall.core.util.Checks;

/**
 * Mark price, funding and oracle staleness settings of a perpetual venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param markPrice index (the oracle) or the Binance median mark
 * @param basisAverageSteps ticks in the moving average of (book - index) of the median mark
 *     (Binance: 2.5 minutes of 5-second samples)
 * @param fundingIntervalSteps ticks between funding settlements; 0 for no funding
 * @param interestRate interest rate per funding interval (Binance: 0.01% per 8 h)
 * @param interestClamp bound on (interest - premium) in the funding formula (Binance: 0.05%)
 * @param maxOracleAgeSteps the oldest feed (in ticks since it last published) the venue liquidates
 *     on; 0 for no guard
 * @param onStale what the venue does with an account whose feed is older
 */
public record PricingTerms(
    MarkPriceRule markPrice,
    int basisAverageSteps,
    int fundingIntervalSteps,
    double interestRate,
    double interestClamp,
    long maxOracleAgeSteps,
    StaleAction onStale) {

  /** Mark at the oracle, no funding, no staleness guard: the venue's original behaviour. */
  public static final PricingTerms DEFAULT =
      new PricingTerms(MarkPriceRule.INDEX, 1, 0, 0.0001, 0.0005, 0, StaleAction.PAUSE);

  /** Validates the fields. */
  public PricingTerms {
    Objects.requireNonNull(markPrice, "markPrice");
    Objects.requireNonNull(onStale, "onStale");
    Checks.positive(basisAverageSteps, "basisAverageSteps");
    Checks.nonNegative(fundingIntervalSteps, "fundingIntervalSteps");
    Checks.finite(interestRate, "interestRate");
    Checks.nonNegative(interestClamp, "interestClamp");
    if (maxOracleAgeSteps < 0) {
      throw new IllegalArgumentException(
          "maxOracleAgeSteps: must be >= 0, was " + maxOracleAgeSteps);
    }
  }
}
