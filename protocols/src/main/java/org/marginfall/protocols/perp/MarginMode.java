package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * How a perpetual venue groups positions into margin accounts.
 *
 * <p>Under cross margin one account's equity secures all of its owner's positions; under isolated
 * margin each position has its own account and its own collateral, so one position's loss cannot
 * drain another's margin (Hyperliquid docs, /trading/margin-modes; Binance FAQ 360033162192). The
 * requirement formula is the same; only the grouping differs. Portfolio margin groups like cross
 * margin but takes the account's requirement from a risk-based model of the whole portfolio (a
 * SPAN-style scenario grid or VaR; CME SPAN, Deribit portfolio margin). Immutable and thread-safe.
 */
public enum MarginMode {
  /** One margin account per owner. */
  CROSS,
  /** One margin account per owner and market. */
  ISOLATED,
  /** One margin account per owner, its requirement from a portfolio-margin model. */
  PORTFOLIO;

  /** The scenario-file name. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
