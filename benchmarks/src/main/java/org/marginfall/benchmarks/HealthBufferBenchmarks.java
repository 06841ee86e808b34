package org.marginfall.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.marginfall.core.engine.World;
import org.marginfall.core.metric.HealthBands;
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
 * The health bands of the record phase over the three venues of the scaled three-venue crash at a
 * quiet tick (docs/performance.md, "The health values into the caller's buffer"): each venue's
 * health values as a new array per call ({@code Venue.healthValues()}, what the record did before)
 * against the same values written into one reused array per venue ({@code
 * Venue.healthValues(double[])}, what it does now), each followed by the quantile bands. Run with
 * {@code -prof gc} to see the allocation per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HealthBufferBenchmarks {

  /** Scale factor of the scenario: k x 796 accounts over its three venues. */
  @Param({"10"})
  public int k;

  /** Ticks run before measuring: 20 is before the crash. */
  @Param({"20"})
  public int tick;

  private List<Venue> venues;
  private double[][] buffers;

  /** Builds and runs the world once per trial; one buffer per venue, as the record keeps. */
  @Setup(Level.Trial)
  public void setUp() {
    World world = ScaledWorld.at(k, tick);
    venues = List.copyOf(world.venues());
    buffers = new double[venues.size()][];
    for (int v = 0; v < venues.size(); v++) {
      buffers[v] = new double[venues.get(v).healthCapacity()];
    }
  }

  /** Every venue's bands from a new array of its health values. */
  @Benchmark
  public int newArrays() {
    int count = 0;
    for (Venue v : venues) {
      count += HealthBands.ofReordering(v.healthValues()).count();
    }
    return count;
  }

  /** Every venue's bands from its health values written into its reused array. */
  @Benchmark
  public int reusedBuffers() {
    int count = 0;
    for (int v = 0; v < buffers.length; v++) {
      Venue venue = venues.get(v);
      count += HealthBands.ofReordering(buffers[v], venue.healthValues(buffers[v])).count();
    }
    return count;
  }
}
