package org.marginfall.core.contagion;

/**
 * What moved an account over its threshold: the exogenous move, or one kind of endogenous move.
 *
 * <p>Immutable and thread-safe.
 */
public enum CauseKind {
  /** The exogenous move alone (fundamental path, shocks, oracle failures, ordinary trading). */
  EXOGENOUS("exogenous"),
  /** Price impact of liquidation sales into a market the account is marked at (channel 1). */
  MARKET_IMPACT("market-impact"),
  /** Loss of NAV, or discount, of a derived asset the account holds (channel 2). */
  NAV_LOSS("nav-loss"),
  /** Collateral that a shared pool gave another venue or an agent moved away (channels 3 and 4). */
  COLLATERAL_WITHDRAWAL("collateral-withdrawal");

  private final String label;

  CauseKind(String label) {
    this.label = label;
  }

  /** The name in {@code events.jsonl}. */
  public String label() {
    return label;
  }
}
