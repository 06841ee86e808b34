package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * How much of a liquidatable account a liquidation closes.
 *
 * <p>Immutable and thread-safe.
 */
public enum LiquidationMode {
  /** Close every position of the account (the venue's original behaviour). */
  FULL,
  /** Close the minimal fraction that restores health, bounded by the close factor. */
  PARTIAL,
  /**
   * Hyperliquid's documented rule: each position above the threshold has a fixed fraction sent to
   * the book, smaller positions in full, and for a cooldown after a partial liquidation every
   * liquidation of the account is in full
   * (https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations).
   */
  FIXED_PARTIAL;

  /** The scenario-file name: {@code full}, {@code partial}, {@code fixed-partial}. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
