package org.marginfall.protocols.perp.portfolio;

/**
 * The volatility leg of a risk-array scenario. A linear perpetual has no volatility exposure, so
 * for every position this package values the leg changes nothing: scenarios that differ only in it
 * have equal losses. The legs are kept so that the scenario numbers match the published arrays.
 *
 * <p>Immutable and thread-safe.
 */
public enum VolShock {
  /** Implied volatility scanned up by the volatility scan range. */
  UP,
  /** Implied volatility unchanged. */
  UNCHANGED,
  /** Implied volatility scanned down by the volatility scan range. */
  DOWN;

  /** Lower-case name for labels. */
  public String label() {
    return switch (this) {
      case UP -> "vol up";
      case UNCHANGED -> "vol unchanged";
      case DOWN -> "vol down";
    };
  }
}
