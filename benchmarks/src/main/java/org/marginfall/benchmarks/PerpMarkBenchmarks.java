package org.marginfall.benchmarks;

import java.util.concurrent.TimeUnit;
import org.marginfall.core.engine.World;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.venue.PerpetualVenue;
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
 * The perpetual venue's part of the record phase on the scaled three-venue crash at a quiet tick
 * (docs/performance.md, "The perpetual book as columns"): the full mark of every account with its
 * screen allowance, the health values the quantile bands are taken from, and the whole of what the
 * record phase asks of the venue (mark, snapshot with its open interest, health bands). Results are
 * per operation; each covers every account of the venue (about k x 300: its traders). k is at most
 * 10: {@link ScaledWorld} keeps the scenario's decimals, and at k = 100 the base currency's supply
 * exceeds the ledger's range at them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PerpMarkBenchmarks {

  /** Scale factor of the scenario: k x 796 accounts over its three venues. */
  @Param({"10"})
  public int k;

  /** Ticks run before measuring: 20 is before the crash, so no account is near its threshold. */
  @Param({"20"})
  public int tick;

  private Venue perp;

  /** Builds and runs the world once per trial and finds its perpetual venue. */
  @Setup(Level.Trial)
  public void setUp() {
    World world = ScaledWorld.at(k, tick);
    perp =
        world.venues().stream()
            .filter(v -> v instanceof PerpetualVenue)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("three-venue-crash has no perpetual venue"));
  }

  /** One full mark: every account's margin state, its screen allowance, the liquidatable list. */
  @Benchmark
  public int fullMark() {
    perp.markToMarket();
    return perp.liquidatable().size();
  }

  /** The health of every account at the last mark. */
  @Benchmark
  public int healthValues() {
    return perp.healthValues().length;
  }

  /**
   * What the record phase asks of the venue each step: the mark, the snapshot and the health bands.
   */
  @Benchmark
  public int record() {
    perp.markToMarket();
    return perp.snapshot().accounts() + HealthBands.of(perp.healthValues()).count();
  }
}
