package org.marginfall.benchmarks;

import java.util.concurrent.TimeUnit;
import org.marginfall.core.engine.World;
import org.marginfall.core.venue.Venue;
import org.marginfall.protocols.cdp.CdpVenue;
import org.marginfall.protocols.lending.LendingPool;
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
 * The record phase's work on the lending pool and the CDP venue of the scaled three-venue crash
 * (docs/performance.md): a full mark of every borrower or vault (the health pass over the account
 * columns, the screen's allowances, the liquidatable list) and the health values the quantile bands
 * are computed from. Results are per operation over the whole venue; divide by its accounts for a
 * cost per account-step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HealthPassBenchmarks {

  /** Scale factor of the scenario: k x 796 accounts over the three venues. */
  @Param({"10"})
  public int k;

  /** Ticks run before measuring: 20 is before the crash (quiet), 40 inside it. */
  @Param({"20"})
  public int tick;

  private Venue lending;
  private Venue cdp;

  /** Builds and runs the world once per trial and picks its lending pool and CDP venue. */
  @Setup(Level.Trial)
  public void setUp() {
    World world = ScaledWorld.at(k, tick);
    for (Venue v : world.venues()) {
      if (v instanceof LendingPool) {
        lending = v;
      } else if (v instanceof CdpVenue) {
        cdp = v;
      }
    }
    if (lending == null || cdp == null) {
      throw new IllegalStateException("the scenario has no lending pool or no CDP venue");
    }
  }

  /** A full mark of every borrower and the health factors of those with debt. */
  @Benchmark
  public int lendingMarkAndHealth() {
    lending.markToMarket();
    return lending.healthValues().length + lending.liquidatable().size();
  }

  /** A full mark of every vault and the healths of those with debt. */
  @Benchmark
  public int cdpMarkAndHealth() {
    cdp.markToMarket();
    return cdp.healthValues().length + cdp.liquidatable().size();
  }
}
