package org.marginfall.experiments.internal.sweep;

import org.marginfall.core.random.StreamSeeds;

/**
 * Derives each run's master seed from the sweep seed and the run's replication, and the design's
 * seed from the sweep seed.
 *
 * <p>{@code runSeed(sweep, r) = mix(mix(sweep) ^ mix(r + 1))} with SplitMix64's finaliser {@code
 * mix} (Steele, Lea and Flood 2014; {@link StreamSeeds#mix}). The point is deliberately left out:
 * replication r runs with the same master seed at every point, so every named stream (prices,
 * agents, venues) draws the same numbers at every point — common random numbers — and differences
 * between points come from the parameters, not from the noise. The run itself uses core replication
 * index 0, so {@code marginfall run <point's scenario> --seed <seed>} reproduces a row of {@code
 * runs.csv} exactly. Stateless and thread-safe.
 */
public final class RunSeeds {

  /** The derivation, as recorded in sweep manifests. */
  public static final String DERIVATION =
      "runSeed = mix(mix(sweepSeed) ^ mix(replication + 1)); designSeed = mix(mix(sweepSeed) ^ 0x5DEECE66D);"
          + " mix(z) is the SplitMix64 finaliser: z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9;"
          + " z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31);"
          + " each run is Simulation.run(model, runSeed, replication index 0), independent of the point"
          + " (common random numbers across points)";

  private RunSeeds() {}

  /** The master seed of replication {@code replication} at every point. */
  public static long runSeed(long sweepSeed, int replication) {
    return StreamSeeds.mix(StreamSeeds.mix(sweepSeed) ^ StreamSeeds.mix(replication + 1L));
  }

  /** The seed of the design's own random draws (random and Latin hypercube designs, bootstrap). */
  public static long designSeed(long sweepSeed) {
    return StreamSeeds.mix(StreamSeeds.mix(sweepSeed) ^ 0x5DEECE66DL);
  }
}
