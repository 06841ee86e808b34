package org.marginfall.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Phase;
import org.marginfall.core.engine.World;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.Venue;
import org.marginfall.experiments.internal.bench.ScenarioScaler;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * The world the microbenchmarks measure: the bundled {@code three-venue-crash} (or another bundled
 * scenario) scaled by k (as {@code marginfall bench} scales it), set up and run to a given tick,
 * without listeners.
 */
final class ScaledWorld {

  private ScaledWorld() {}

  /** The scaled scenario's world after {@code ticks} ticks (the crash runs from tick 30 to 50). */
  static World at(int k, int ticks) {
    return at("three-venue-crash", k, ticks);
  }

  /** The bundled scenario {@code name}, scaled by k, after {@code ticks} ticks. */
  static World at(String name, int k, int ticks) {
    ScenarioSource source = ScenarioSource.resolve(name);
    byte[] scaled =
        new ScenarioScaler(source.content(), source.json()).scaled(k, OptionalInt.empty());
    ModelSpec model = new ScenarioReader(Catalog.standard()).read(scaled, true).model();
    World world =
        World.create(model, new RandomStreams(model.settings().seed(), 0), List.of(), false);
    world.setUp();
    for (long tick = 1; tick <= ticks; tick++) {
      for (Phase phase : Phase.values()) {
        world.runPhase(phase, tick);
      }
    }
    return world;
  }

  /**
   * Every listed liquidation candidate of every venue, marked now, as (venue, account) pairs; empty
   * at a quiet tick.
   */
  static List<Candidate> candidates(World world) {
    List<Candidate> out = new ArrayList<>();
    for (Venue v : world.venues()) {
      v.markToMarket();
      for (LiquidationCandidate c : v.liquidatable()) {
        out.add(new Candidate(v, c.account()));
      }
    }
    return out;
  }

  /** One account on one venue. */
  record Candidate(Venue venue, AccountId account) {}
}
