package org.marginfall.protocols.perp.portfolio;

/**
 * A risk-based margin model over a whole portfolio of linear perpetual positions: the requirement
 * is a stress loss of the portfolio rather than a sum of per-position fractions of notional.
 *
 * <p>The seam for a venue: build a {@link Portfolio} of an account's open positions at the current
 * marks (with the venue's {@link PriceHistory} window), check {@link #covers}, and compare the
 * account's equity with {@link MarginRequirement#maintenance()} (liquidatable below it) and {@link
 * MarginRequirement#initial()} (orders that add risk refused below it). Every implementation is an
 * immutable spec record whose methods are pure functions of their arguments, so they are
 * thread-safe.
 */
public sealed interface PortfolioMarginModel permits SpanGrid, ValueAtRisk {

  /** The scenario-file name of the method ({@code span} or {@code var}). */
  String method();

  /**
   * Whether the model has every input it needs for this portfolio (a scan range for each asset;
   * enough history for an estimating VaR). Positions of size 0 need nothing.
   */
  boolean covers(Portfolio portfolio);

  /**
   * The requirements for the portfolio.
   *
   * @throws IllegalArgumentException if {@link #covers} is false
   */
  MarginRequirement requirement(Portfolio portfolio);
}
