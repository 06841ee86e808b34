package org.marginfall.core.oracle;

import org.marginfall.core.util.Checks;

/**
 * When an oracle publishes: it reads the market price {@code latencySteps} old, and publishes it
 * when {@code heartbeatSteps} have passed since its last update or when it deviates from the last
 * published value by at least {@code deviationThreshold}.
 *
 * <p>This is the push-oracle rule of Chainlink data feeds (deviation threshold plus heartbeat, e.g.
 * ETH/USD 0.5% and 3600 s; docs.chain.link/architecture-overview/architecture-decentralized-model).
 * A threshold of 0 publishes every change. Immutable and thread-safe.
 *
 * @param latencySteps age in steps of the market price the oracle reads (0: the current price)
 * @param heartbeatSteps steps after which it publishes regardless of the price move
 * @param deviationThreshold relative move that triggers an update
 */
public record OracleRule(int latencySteps, int heartbeatSteps, double deviationThreshold) {

  /** Validates the parameters. */
  public OracleRule {
    Checks.nonNegative(latencySteps, "latencySteps");
    Checks.positive(heartbeatSteps, "heartbeatSteps");
    Checks.nonNegative(deviationThreshold, "deviationThreshold");
  }

  /** An oracle that always shows the current market price. */
  public static OracleRule immediate() {
    return new OracleRule(0, 1, 0);
  }
}
