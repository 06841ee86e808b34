package org.marginfall.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

  private static final long SEED = 0x5EED_1234_ABCDL;
  private static final int SAMPLE = 200_000;

  /** Reject a fit only below this p-value; with a fixed seed the outcome is deterministic. */
  private static final double MIN_P_VALUE = 1e-3;

  @Test
  void test_nextUniform_staysInsideOpenUnitInterval() {
    RandomStream stream = new RandomStream("test", SEED);
    double min = 1;
    double max = 0;
    for (int i = 0; i < SAMPLE; i++) {
      double u = stream.nextUniform();
      assertTrue(u > 0 && u < 1, "u = " + u);
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    // 200k uniforms cover the interval: expected gap at each end is 1/200k = 5e-6
    assertTrue(min < 1e-4 && max > 1 - 1e-4, min + " " + max);
  }

  @Test
  void test_openUnit_extremeGeneratorOutputsStayInsideOpenInterval() {
    // The generator's 64-bit output is mapped to (0, 1). All bits set is the largest output; in
    // double arithmetic (2^53 - 1) + 0.5 is a tie that rounds to 2^53, which must not give 1.0.
    double top = RandomStream.openUnit(-1L);
    double bottom = RandomStream.openUnit(0L);
    assertTrue(top < 1.0, "top = " + top);
    assertTrue(bottom > 0.0, "bottom = " + bottom);
    assertTrue(Double.isFinite(RandomStream.standardNormalQuantile(top)));
    assertTrue(Double.isFinite(RandomStream.standardNormalQuantile(bottom)));
    // (0 + 0.5) * 2^-53 = 2^-54
    assertEquals(0x1.0p-54, bottom, 0.0);
    assertEquals(Math.nextDown(1.0), top, 0.0);
    // the next-lower output (2^53 - 2 in the top bits) maps to 1 - 2^-52, below the top value
    assertEquals(1.0 - 0x1.0p-52, RandomStream.openUnit(-1L << 12), 0.0);
  }

  @Test
  void test_nextUniform_passesKolmogorovSmirnov() {
    RandomStream stream = new RandomStream("ks", SEED);
    double[] sample = new double[SAMPLE];
    double sum = 0;
    for (int i = 0; i < SAMPLE; i++) {
      sample[i] = stream.nextUniform();
      sum += sample[i];
    }
    double p =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), sample);
    assertTrue(p > MIN_P_VALUE, "p = " + p);
    // mean 1/2, standard error sqrt(1/12 / n) = 6.5e-4; allow 4 standard errors
    assertEquals(0.5, sum / SAMPLE, 4 * Math.sqrt(1.0 / 12 / SAMPLE));
  }

  @Test
  void test_constructor_sameSeedSameSequence() {
    RandomStream a = new RandomStream("a", SEED);
    RandomStream b = new RandomStream("b", SEED);
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextUniform(), b.nextUniform(), 0.0);
    }
    assertEquals("a", a.name());
    assertEquals(SEED, a.seed());
  }

  @Test
  void test_next_consumesExactlyOneUniformPerVariate() {
    // Common random numbers rely on one uniform per variate whatever the distribution.
    RandomStream variates = new RandomStream("v", SEED);
    RandomStream uniforms = new RandomStream("u", SEED);
    Distribution[] families = {
      new Distribution.Constant(3),
      new Distribution.Uniform(-1, 3),
      new Distribution.Normal(10, 2),
      new Distribution.LogNormal(100, 0.5),
      new Distribution.Exponential(2),
      new Distribution.Triangular(0, 1, 4)
    };
    for (int round = 0; round < 10; round++) {
      for (Distribution d : families) {
        double u = uniforms.nextUniform();
        assertEquals(d.quantile(u), variates.next(d), 0.0, d.toString());
      }
      double u = uniforms.nextUniform();
      assertEquals(RandomStream.standardNormalQuantile(u), variates.nextStandardNormal(), 0.0);
    }
  }
}
