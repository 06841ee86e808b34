package org.marginfall.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.engine.World;
import org.marginfall.core.venue.Venue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's per-account hot paths on the scaled three-venue crash (docs/performance.md): marking
 * every account of every venue, a liquidation round's mark, checking whether one account can be
 * liquidated, and attributing one liquidation decision. Results are per operation; a mark covers
 * every account.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class VenueBenchmarks {

  /** Scale factor of the scenario: k x 796 accounts. */
  @Param({"1", "10"})
  public int k;

  /**
   * Ticks run before measuring: 20 is before the crash (quiet; no candidate to check), 40 is inside
   * it.
   */
  @Param({"40"})
  public int tick;

  private World world;
  private List<ScaledWorld.Candidate> candidates;
  private int next;

  /** Builds and runs the world once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    world = ScaledWorld.at(k, tick);
    candidates = ScaledWorld.candidates(world);
  }

  /** One mark to market of every venue: every account's margin state and the liquidatable lists. */
  @Benchmark
  public int markToMarket() {
    int listed = 0;
    for (Venue v : world.venues()) {
      v.markToMarket();
      listed += v.liquidatable().size();
    }
    return listed;
  }

  /**
   * One liquidation round's mark of every venue at the prices of the last full mark (the record
   * phase's): only the accounts each venue's screen lists are marked (docs/architecture.md,
   * "Incremental liquidation checks"). Against {@link #markToMarket} it is what a quiet round
   * saves.
   */
  @Benchmark
  public int liquidationRound() {
    int listed = 0;
    for (Venue v : world.venues()) {
      v.markLiquidationCandidates();
      listed += v.liquidatable().size();
    }
    return listed;
  }

  /** Whether one listed account would be liquidated now (the venue's own refusal rules). */
  @Benchmark
  public boolean liquidationCheck() {
    ScaledWorld.Candidate c = nextCandidate();
    return c.venue().liquidatesNow(c.account());
  }

  /** The cause of one listed account's weakness: the attribution of one decision. */
  @Benchmark
  public Cause attribution() {
    ScaledWorld.Candidate c = nextCandidate();
    return world.agents().causeOf(c.venue().id(), c.account());
  }

  private ScaledWorld.Candidate nextCandidate() {
    if (candidates.isEmpty()) {
      throw new IllegalStateException(
          "no liquidatable account at tick " + tick + ": nothing to measure");
    }
    return candidates.get(next++ % candidates.size());
  }
}
