package org.marginfall.core.random;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * One named, independent stream of uniforms; every variate is drawn from it by inversion.
 *
 * <p>Drawing each variate from exactly one uniform keeps streams synchronised: two runs that differ
 * only in a venue parameter consume the price stream identically (common random numbers). Mutable
 * and not thread-safe: a stream belongs to one run.
 */
public final class RandomStream {

  private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
  private static final double LARGEST_BELOW_ONE = Math.nextDown(1.0);
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private final String name;
  private final long seed;
  private final RandomGenerator generator;

  /** Creates the stream {@code name} from its derived seed. */
  public RandomStream(String name, long seed) {
    this.name = name;
    this.seed = seed;
    this.generator = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed});
  }

  /** The stream's name. */
  public String name() {
    return name;
  }

  /** The stream's derived seed. */
  public long seed() {
    return seed;
  }

  /** A uniform in the open interval (0, 1), so that every inverse CDF is finite. */
  public double nextUniform() {
    return openUnit(generator.nextLong());
  }

  /**
   * Maps 64 random bits to (0, 1): the top 53 bits {@code b} give {@code (b + 1/2) 2^-53}.
   *
   * <p>For {@code b = 2^53 - 1} the sum {@code b + 1/2} is a tie that double arithmetic rounds to
   * {@code 2^53}, which would give exactly 1 and an infinite inverse CDF; that one value is mapped
   * to the largest double below 1 instead. Every other value is unchanged, so streams keep their
   * sequences.
   */
  static double openUnit(long bits) {
    double u = ((bits >>> 11) + 0.5) * TWO_POW_MINUS_53;
    return u < 1.0 ? u : LARGEST_BELOW_ONE;
  }

  /** A standard normal variate, by inversion of one uniform. */
  public double nextStandardNormal() {
    return STANDARD_NORMAL.inverseCumulativeProbability(nextUniform());
  }

  /** A variate of {@code distribution}, by inversion of one uniform. */
  public double next(Distribution distribution) {
    return distribution.quantile(nextUniform());
  }

  /** The standard normal quantile, shared so callers need no distribution object of their own. */
  public static double standardNormalQuantile(double u) {
    return STANDARD_NORMAL.inverseCumulativeProbability(u);
  }
}
