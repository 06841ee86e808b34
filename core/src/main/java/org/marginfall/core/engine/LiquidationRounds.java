package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.Venue;

/**
 * The risk-and-liquidation phase of its {@link World}: rounds of oracle re-reads, defence, marking
 * and liquidation until nothing is left to do or the round limit is reached, then the backlog.
 * Mutable through the world's state; not thread-safe.
 */
final class LiquidationRounds {

  private final World world;
  private final int maxRounds;
  private final PricePhases prices;
  private final AgentContext agents;
  private final ContagionTracker contagion;
  private final List<Venue> venues;

  LiquidationRounds(
      World world,
      int maxRounds,
      PricePhases prices,
      AgentContext agents,
      ContagionTracker contagion,
      List<Venue> venues) {
    this.world = world;
    this.maxRounds = maxRounds;
    this.prices = prices;
    this.agents = agents;
    this.contagion = contagion;
    this.venues = venues;
  }

  void run() {
    boolean backlog = false;
    for (int r = 1; r <= maxRounds; r++) {
      world.setRound(r);
      prices.publishOracles(true);
      world.eachPopulation(p -> p.defend(agents));
      List<LiquidationCandidate> candidates = new ArrayList<>();
      boolean[] auctions = {false};
      world.eachVenue(
          v -> {
            v.markLiquidationCandidates();
            candidates.addAll(v.liquidatable());
            auctions[0] |= !v.auctions().isEmpty();
          });
      backlog = !candidates.isEmpty();
      // An open auction is work for liquidators even when no account is liquidatable: its price
      // keeps falling from tick to tick, and a lot nobody takes may end in a deficit.
      if (candidates.isEmpty() && !auctions[0]) {
        break;
      }
      List<LiquidationCandidate> view = Collections.unmodifiableList(candidates);
      int[] executed = {0};
      world.eachPopulation(
          p -> {
            executed[0] += p.liquidate(agents, view);
            contagion.end();
          });
      if (executed[0] == 0) {
        break;
      }
    }
    if (backlog) {
      recordBacklog();
    }
    world.setRound(0);
  }

  /**
   * Emits the liquidation backlog: what each venue still lists as liquidatable after the last round
   * (venues drop an account from the last mark's list once a liquidation made it healthy), the
   * capacity-exhaustion measure of a tick.
   */
  private void recordBacklog() {
    for (Venue v : venues) {
      List<LiquidationCandidate> left = v.liquidatable();
      if (left.isEmpty()) {
        continue;
      }
      double shortfall = 0;
      for (LiquidationCandidate c : left) {
        shortfall += Math.max(0, c.state().maintenanceRequirement() - c.state().equity());
      }
      world.emit(
          new LiquidationBacklog(
              world.step(), world.round(), v.id().value(), left.size(), shortfall));
    }
  }
}
