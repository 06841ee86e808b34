package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * Which price a venue marks positions at.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarkPriceRule {
  /** The venue's oracle (index) price (the venue's original behaviour; dYdX v4). */
  INDEX,
  /**
   * Binance's median of the funding-adjusted index, the index plus the averaged basis, and the
   * book.
   */
  MEDIAN;

  /** The scenario-file name. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
