package org.marginfall.protocols.lending;

/**
 * What a lending venue does with debt it burns when a liquidation takes an account's last
 * collateral and the treasury cannot cover it.
 *
 * <p>Immutable and thread-safe.
 */
public enum BadDebtMode {
  /**
   * The loss is socialised on the suppliers of the reserve that lost it: the debt leaves the
   * reserve's assets, so its exchange rate (every receipt's NAV) falls pro rata, as Mango v4's
   * deposit-index cut does (mango-v4 liq_token_bankruptcy.rs). Not what Aave v3.3 does.
   */
  SOCIALIZE("socialize"),
  /**
   * Aave v3.3: the burned debt is recorded as the reserve's deficit (event DeficitCreated) and
   * suppliers are not haircut (Aave v3.3 features document); the deficit is covered as the treasury
   * accrues.
   */
  DEFICIT("deficit");

  private final String scenarioName;

  BadDebtMode(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name used in scenario files. */
  public String scenarioName() {
    return scenarioName;
  }
}
