package org.marginfall.core.engine;

/**
 * The phases of one tick, in the order MASON runs them (the ordinal is the schedule ordering).
 *
 * <p>Risk and liquidation share one phase because they alternate for up to {@code
 * maxLiquidationRounds} rounds within the tick, which makes an intra-tick cascade visible.
 * Immutable and thread-safe.
 */
public enum Phase {
  /** Fundamental prices advance, scheduled shocks apply, market impact decays. */
  EXOGENOUS,
  /** Oracles read the market and publish under their update rules. */
  ORACLES,
  /** Traders and liquidity providers act. */
  TRADING,
  /** Arbitrageurs and market makers act. */
  ARBITRAGE,
  /**
   * Venues mark accounts; liquidators liquidate and bid in open auctions; repeated in rounds while
   * there is something to do.
   */
  RISK_AND_LIQUIDATION,
  /** Venues run their bad-debt waterfalls and end-of-tick bookkeeping. */
  SETTLEMENT,
  /** The step's metrics are recorded and, in audited runs, the invariants checked. */
  RECORD
}
