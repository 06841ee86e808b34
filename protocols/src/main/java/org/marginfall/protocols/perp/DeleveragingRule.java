package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * How auto-deleveraging picks the opposite positions a bankrupt position is closed against.
 *
 * <p>Immutable and thread-safe.
 */
public enum DeleveragingRule {
  /** No auto-deleveraging: the insurance fund, then bad debt (the venue's original behaviour). */
  NONE,
  /** Highest Binance ranking first: PnL% x effective leverage, or PnL% / leverage when negative. */
  PNL_LEVERAGE,
  /** Every eligible opposite position in proportion to its size. */
  PRO_RATA,
  /** dYdX v4: in account order from a pseudo-random start index, wrapping around. */
  RANDOM_START;

  /** The scenario-file name. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
