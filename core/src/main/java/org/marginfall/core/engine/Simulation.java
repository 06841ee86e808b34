package org.marginfall.core.engine;

import java.util.List;
import java.util.Map;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.network.VenueExposures;
import org.marginfall.core.random.RandomStreams;

/**
 * Runs one replication of a model from set-up to its last tick.
 *
 * <p>Stateless and thread-safe; each call builds its own world, so replications can run in parallel
 * threads without sharing anything.
 */
public final class Simulation {

  private Simulation() {}

  /**
   * The outcome of a run.
   *
   * @param steps ticks run
   * @param auditedSteps steps whose invariants were checked (0 when not audited)
   * @param streamSeeds the named streams used and their derived seeds
   */
  public record Outcome(long steps, long auditedSteps, Map<String, Long> streamSeeds) {}

  /**
   * Runs {@code spec} with {@code seed} and {@code replication}.
   *
   * @param audit whether to check the invariants at every step
   * @param listeners recorders, called in order
   * @throws InvariantViolationException if an audited invariant breaks
   */
  public static Outcome run(
      ModelSpec spec, long seed, int replication, boolean audit, List<RunListener> listeners) {
    return execute(spec, seed, replication, audit, listeners, false).outcome();
  }

  /**
   * The outcome of a run and the venue exposure network at its end.
   *
   * @param outcome as {@link #run} returns it
   * @param exposures the venue exposures measured from the ledger after the last tick
   */
  public record Measured(Outcome outcome, VenueExposures exposures) {}

  /**
   * Builds and sets up the world of {@code spec} without running a step: what a scenario can only
   * reveal once its populations hold their endowments (the ledger's range, a venue that cannot
   * serve a population's set-up) fails here as it would in a run.
   *
   * @return every asset's supply after set-up, with the precision the run counts it at
   */
  public static List<LedgerRange.Supply> check(ModelSpec spec, long seed) {
    ModelSpec resolved = resolve(spec, seed, 0);
    try {
      World world = World.create(resolved, new RandomStreams(seed, 0), List.of(), false);
      world.setUp();
      return world.census();
    } catch (LedgerRangeException e) {
      throw located(LedgerRange.explain(resolved, seed, 0, e));
    }
  }

  /**
   * {@link LedgerRange#resolve}, with a range failure of an entry's set-up reported as that
   * entry's.
   */
  private static ModelSpec resolve(ModelSpec spec, long seed, int replication) {
    try {
      return LedgerRange.resolve(spec, seed, replication);
    } catch (LedgerRangeException e) {
      throw located(e);
    }
  }

  /**
   * A range failure noted with the scenario entry whose set-up met it, as that entry's failure; one
   * without an entry (a declared precision the supply does not fit) as it is.
   */
  private static RuntimeException located(LedgerRangeException e) {
    if (e.entry() == null) {
      return e;
    }
    return new ScenarioFailure(
        e.entry(),
        0,
        e.who()
            + ": "
            + e.detail()
            + " ("
            + e.asset()
            + " counted at "
            + e.decimals()
            + " decimals"
            + (e.decimals() == 0 ? ", in whole units: the amounts are too large" : "")
            + ")",
        true,
        e);
  }

  /** Runs like {@link #run} and also measures the venue exposure network after the last tick. */
  public static Measured runMeasured(
      ModelSpec spec, long seed, int replication, boolean audit, List<RunListener> listeners) {
    return execute(spec, seed, replication, audit, listeners, true);
  }

  private static Measured execute(
      ModelSpec spec,
      long seed,
      int replication,
      boolean audit,
      List<RunListener> listeners,
      boolean measure) {
    ModelSpec resolved = resolve(spec, seed, replication);
    RandomStreams streams = new RandomStreams(seed, replication);
    World world;
    MarginfallModel model;
    try {
      world = World.create(resolved, streams, listeners, audit);
      model = new MarginfallModel(world);
      model.start();
    } catch (LedgerRangeException e) {
      throw located(LedgerRange.explain(resolved, seed, replication, e));
    }
    long steps = spec.settings().steps();
    while (model.schedule.getSteps() < steps) {
      if (!model.schedule.step(model)) {
        break;
      }
    }
    model.finish();
    Outcome outcome = new Outcome(model.schedule.getSteps(), world.auditedSteps(), streams.seeds());
    return new Measured(outcome, measure ? world.venueExposures(spec.venues()) : null);
  }
}
