package org.marginfall.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.Quantiles;
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
 * The five health quantiles of one venue's record ({@link HealthBands#PROBABILITIES}) over 10^5
 * healths: log-normal around 2 (a quiet book), either shuffled or in the ascending runs a book in
 * account order often shows. Each call first copies the sample into a work array, since the
 * selection reorders it; the copy (about 10 µs) is part of every figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class QuantileBenchmarks {

  private static final int VALUES = 100_000;

  /** {@code shuffled}: independent draws; {@code runs}: the draws in ascending runs of 1,000. */
  @Param({"shuffled", "runs"})
  public String order;

  private double[] sample;
  private double[] work;

  /** Draws the sample with a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(16);
    sample = new double[VALUES];
    for (int i = 0; i < VALUES; i++) {
      sample[i] = Math.exp(Math.log(2.0) + 0.5 * random.nextGaussian());
    }
    if (order.equals("runs")) {
      for (int from = 0; from < VALUES; from += 1_000) {
        Arrays.sort(sample, from, Math.min(VALUES, from + 1_000));
      }
    }
    work = new double[VALUES];
  }

  /** The five quantiles by selection, as the record computes them. */
  @Benchmark
  public double[] selectFive() {
    System.arraycopy(sample, 0, work, 0, VALUES);
    return Quantiles.selectType7(work, HealthBands.PROBABILITIES);
  }
}
