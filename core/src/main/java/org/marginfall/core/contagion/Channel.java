package org.marginfall.core.contagion;

import java.util.Optional;

/**
 * The five ways a loss on one venue reaches another (docs/contagion.md, "The five channels"), each
 * switchable in the scenario under {@code contagion.channels.<scenarioName>}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Channel {
  /** Every venue's liquidations sell into the same market, which every venue marks at. */
  COMMON_MARKET("commonMarket"),
  /** A venue's receipt or vault share is collateral elsewhere; its issuer's losses mark it down. */
  DERIVED_COLLATERAL("derivedCollateral"),
  /** One pool of collateral secures an owner's positions on several venues. */
  SHARED_POOL("sharedPool"),
  /** Agents move collateral from one venue to defend a position on another, with a latency. */
  COLLATERAL_TRANSFER("collateralTransfer"),
  /** Several venues read the same oracle, so one feed's failure or manipulation hits them all. */
  COMMON_ORACLE("commonOracle");

  private final String scenarioName;

  Channel(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name in scenario files and in {@code --twin no-channel:<name>}. */
  public String scenarioName() {
    return scenarioName;
  }

  /** The channel with this scenario name. */
  public static Optional<Channel> byScenarioName(String name) {
    for (Channel c : values()) {
      if (c.scenarioName.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
