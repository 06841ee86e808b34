package org.marginfall.agents.signal;

/**
 * The decision rule of a signal trader population, named by its scenario type.
 *
 * <p>Immutable and thread-safe.
 */
public enum SignalRule {
  /** Buys after a lookback return above the threshold, sells all after one below minus it. */
  MOMENTUM("momentum-traders"),
  /**
   * Buys when the price is below its moving average by more than the threshold, sells all above it.
   */
  MEAN_REVERSION("mean-reversion-traders"),
  /** Trades at random: with probability {@code activity} a coin picks buy or sell. */
  NOISE("noise-traders");

  private final String type;

  SignalRule(String type) {
    this.type = type;
  }

  /** The scenario type name. */
  public String type() {
    return type;
  }
}
