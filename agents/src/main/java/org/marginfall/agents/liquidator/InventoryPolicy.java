package org.marginfall.agents.liquidator;

/**
 * What a liquidator does with the collateral it acquires.
 *
 * <p>An asset with no shared market (a derived asset such as a lending receipt or a vault share) is
 * held under either policy: there is nowhere to sell it. Immutable and thread-safe.
 */
public enum InventoryPolicy {
  /** Sell everything at once into the shared market: the fire-sale channel at full strength. */
  SELL("sell"),
  /**
   * Hold collateral up to a maximum inventory value and sell only the excess: less price impact,
   * but capital stays tied up in inventory and capacity runs out sooner.
   */
  HOLD("hold");

  private final String scenarioName;

  InventoryPolicy(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name used in scenario files. */
  public String scenarioName() {
    return scenarioName;
  }
}
