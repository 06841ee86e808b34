package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * Whether a liquidation closes every position or only enough to restore health.
 *
 * <p>Immutable and thread-safe.
 */
public enum LiquidationMode {
  /** Close every position of the account (the venue's original behaviour). */
  FULL,
  /** Close the minimal fraction that restores health, bounded by the close factor. */
  PARTIAL;

  /** The scenario-file name. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
