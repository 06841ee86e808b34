package org.marginfall.protocols.perp;

import java.util.Locale;

/**
 * What a venue does when an oracle feed an account needs is stale.
 *
 * <p>Immutable and thread-safe.
 */
public enum StaleAction {
  /** Refuse to liquidate the account until its feeds are fresh again. */
  PAUSE,
  /** Liquidate on the stale price, and count it. */
  IGNORE;

  /** The scenario-file name. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
