package org.marginfall.benchmarks;

import java.util.concurrent.TimeUnit;
import org.marginfall.core.engine.Phase;
import org.marginfall.core.engine.World;
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
 * One trading phase of the bundled {@code panic-herding} scaled by k at a quiet tick
 * (docs/performance.md, "Trader populations as columns"): the {@code herd} population (k x 150
 * traders with a drawdown and a herding panic rule) steps every member, measuring its drawdown from
 * its margin account's equity; no trigger fires before the shock (tick 10), so the pass moves
 * nothing and every invocation does the same work. The other two populations follow no rule and
 * return at once; the liquidators do not act in this phase.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PopulationStepBenchmarks {

  /** Scale factor of the scenario: k x 400 traders, k x 150 of them in the herd. */
  @Param({"100"})
  public int k;

  /** Ticks run before measuring: before the shock, so no panic fires. */
  @Param({"5"})
  public int tick;

  private World world;

  /** Builds and runs the world once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    world = ScaledWorld.at("panic-herding", k, tick);
  }

  /** One trading phase: the herd's pass over its members. */
  @Benchmark
  public long tradingPhase() {
    world.runPhase(Phase.TRADING, tick);
    return world.step();
  }
}
