package org.marginfall.agents.liquidator;

/**
 * The order in which a liquidator population works through the round's candidates.
 *
 * <p>Immutable and thread-safe.
 */
public enum VenueChoice {
  /**
   * As the engine lists them: venue by venue in scenario order, most underwater first within a
   * venue.
   */
  LISTED("listed"),
  /**
   * Highest expected reward first across all venues (ties keep the listed order): a liquidator
   * whose capital will not stretch to every candidate spends it where it earns most.
   */
  MAX_PROFIT("maxProfit");

  private final String scenarioName;

  VenueChoice(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name used in scenario files. */
  public String scenarioName() {
    return scenarioName;
  }
}
