package org.marginfall.agents.liquidator;

/**
 * How the liquidators of one population compete for a candidate: which of them is offered it first.
 *
 * <p>Immutable and thread-safe.
 */
public enum Competition {
  /**
   * Turns rotate: each candidate goes first to the liquidator after the one that took the previous
   * candidate, which spreads work evenly (no race).
   */
  ROTATION("rotation"),
  /**
   * First come, first served: each round the liquidators arrive in a random order drawn from the
   * population's stream, and the first to arrive gets first pick of every candidate (a latency
   * race).
   */
  FCFS("fcfs"),
  /**
   * A priority gas auction: each round every liquidator bids a share of its expected net profit as
   * a priority fee; the highest bidder is offered each candidate first and, if it liquidates, pays
   * its bid to the block builder (Daian et al. 2020, "Flash Boys 2.0", priority gas auctions).
   */
  PRIORITY_FEE("priorityFee");

  private final String scenarioName;

  Competition(String scenarioName) {
    this.scenarioName = scenarioName;
  }

  /** The name used in scenario files. */
  public String scenarioName() {
    return scenarioName;
  }
}
