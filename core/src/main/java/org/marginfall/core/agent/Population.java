package org.marginfall.core.agent;

import java.util.List;
import java.util.Map;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * A population of agents of one behaviour, scheduled as one unit in each phase it takes part in.
 *
 * <p>Scheduling a population, not each agent, keeps MASON's tie-breaking shuffle out of the model:
 * the population iterates its agents in id order (or shuffles them with its own stream).
 * Implementations are mutable run state and not thread-safe.
 */
public interface Population {

  /** The population id. */
  String id();

  /** Called once before the first tick: open accounts, take endowments, open initial positions. */
  void setUp(AgentContext ctx);

  /** Phase 3 of every tick: traders and liquidity providers act. */
  default void trade(AgentContext ctx) {}

  /** Phase 4 of every tick: arbitrageurs and market makers act. */
  default void arbitrage(AgentContext ctx) {}

  /**
   * Phase 6, at the start of every liquidation round, before the venues list their liquidatable
   * accounts: agents with collateral on several venues (a shared pool, a treasury that moves
   * margin) defend their weak positions.
   */
  default void defend(AgentContext ctx) {}

  /**
   * Phase 6, once per liquidation round: act on the venues' liquidatable accounts and open auctions
   * (the engine runs rounds while either exists).
   *
   * @param candidates all venues' liquidatable accounts this round, venue by venue in scenario
   *     order, most underwater first within a venue
   * @return the number of liquidations executed
   */
  default int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    return 0;
  }

  /**
   * The population's own end-of-tick metrics, keyed by name in a fixed order: the last tick's
   * values go to {@code summary.json} under {@code populations.<id>} (a null value is written as
   * null, an undefined statistic). Empty for behaviours without metrics of their own.
   */
  default Map<String, Double> metrics() {
    return Map.of();
  }
}
