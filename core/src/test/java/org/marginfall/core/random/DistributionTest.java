package org.marginfall.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DistributionTest {

  private static final long SEED = 77_001L;

  /**
   * Sample size of the goodness-of-fit checks: large enough that a 5% error in a scale parameter
   * gives a KS statistic of about 0.012, i.e. sqrt(n) D = 2.7 and p below 1e-5.
   */
  private static final int SAMPLE = 50_000;

  private static final double MIN_P_VALUE = 1e-3;
  private static final double TOLERANCE = 1e-12;

  /** {@link #SAMPLE} variates of {@code d} drawn by inversion from a stream of their own. */
  private static double[] sample(Distribution d, String streamName) {
    RandomStream stream = new RandomStream(streamName, StreamSeeds.seed(SEED, streamName, 0));
    double[] xs = new double[SAMPLE];
    for (int i = 0; i < SAMPLE; i++) {
      xs[i] = stream.next(d);
    }
    return xs;
  }

  private static double ksPValue(RealDistribution reference, double[] sample) {
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, sample);
  }

  /** The sample fits {@code right} and, to show the check has power, not {@code wrong}. */
  private static void assertFits(double[] sample, RealDistribution right, RealDistribution wrong) {
    double p = ksPValue(right, sample);
    assertTrue(p > MIN_P_VALUE, "fit to the right distribution: p = " + p);
    double q = ksPValue(wrong, sample);
    assertTrue(q < MIN_P_VALUE, "fit to a 5%-off distribution should fail: p = " + q);
  }

  @Test
  void test_normalQuantile_fitsNormalCdf() {
    double[] xs = sample(new Distribution.Normal(10, 2), "normal");
    assertFits(xs, new NormalDistribution(null, 10, 2), new NormalDistribution(null, 10, 2.1));
  }

  @Test
  void test_logNormalQuantile_fitsLogNormalWithLogOfMedianAsScale() {
    // median 100 means ln X ~ N(ln 100, 0.5^2)
    double[] xs = sample(new Distribution.LogNormal(100, 0.5), "lognormal");
    assertFits(
        xs,
        new LogNormalDistribution(null, Math.log(100), 0.5),
        new LogNormalDistribution(null, Math.log(105), 0.5));
  }

  @Test
  void test_uniformQuantile_fitsUniformCdf() {
    double[] xs = sample(new Distribution.Uniform(-1, 3), "uniform");
    assertFits(
        xs, new UniformRealDistribution(null, -1, 3), new UniformRealDistribution(null, -1, 3.2));
  }

  @Test
  void test_exponentialQuantile_fitsExponentialWithThatMean() {
    double[] xs = sample(new Distribution.Exponential(2), "exponential");
    // Commons Math's ExponentialDistribution is parameterised by its mean too
    assertFits(xs, new ExponentialDistribution(null, 2), new ExponentialDistribution(null, 2.1));
  }

  @Test
  void test_triangularQuantile_fitsTriangularCdf() {
    double[] xs = sample(new Distribution.Triangular(0, 1, 4), "triangular");
    assertFits(
        xs, new TriangularDistribution(null, 0, 1, 4), new TriangularDistribution(null, 0, 1.2, 4));
  }

  @Test
  void test_triangularQuantile_handComputedValues() {
    Distribution.Triangular t = new Distribution.Triangular(0, 1, 4);
    // CDF below the mode: F(x) = x^2 / ((max-min)(mode-min)) = x^2 / 4, so the mode sits at u =
    // 1/4.
    // u = 0.1 < 1/4: x = sqrt(0.1 * 4 * 1) = sqrt(0.4) = 0.6324555320336759
    assertEquals(0.6324555320336759, t.quantile(0.1), TOLERANCE);
    // u = 0.25: x = 4 - sqrt(0.75 * 4 * 3) = 4 - 3 = 1 (the mode)
    assertEquals(1.0, t.quantile(0.25), TOLERANCE);
    // u = 0.9: x = 4 - sqrt(0.1 * 4 * 3) = 4 - sqrt(1.2) = 4 - 1.0954451150103321 =
    // 2.904554884989668
    assertEquals(2.904554884989668, t.quantile(0.9), TOLERANCE);
    assertEquals(0.0, t.lowerBound(), 0.0);
    assertEquals(4.0, t.upperBound(), 0.0);
  }

  @Test
  void test_triangularQuantile_modeAtAnEnd() {
    // mode = max: F(x) = (x/4)^2, x = 4 sqrt(u); at u = 0.25, x = 2
    assertEquals(2.0, new Distribution.Triangular(0, 4, 4).quantile(0.25), TOLERANCE);
    // mode = min: 1 - F(x) = ((4-x)/4)^2, x = 4 - 4 sqrt(1-u); at u = 0.75, x = 2
    assertEquals(2.0, new Distribution.Triangular(0, 0, 4).quantile(0.75), TOLERANCE);
  }

  @Test
  void test_quantile_handComputedValuesOfOtherFamilies() {
    // uniform: -1 + 4 * 0.25 = 0
    assertEquals(0.0, new Distribution.Uniform(-1, 3).quantile(0.25), TOLERANCE);
    // exponential: -2 ln(1 - 0.5) = 2 ln 2 = 1.3862943611198906
    assertEquals(1.3862943611198906, new Distribution.Exponential(2).quantile(0.5), TOLERANCE);
    // normal: 10 + 2 * z_0.975 = 10 + 2 * 1.959963984540054 = 13.919927969080108
    assertEquals(13.919927969080108, new Distribution.Normal(10, 2).quantile(0.975), 1e-9);
    // lognormal: the median at u = 1/2; at u = 0.975, 100 e^(0.5 * 1.959963984540054) = 266.4456...
    assertEquals(100.0, new Distribution.LogNormal(100, 0.5).quantile(0.5), 1e-9);
    assertEquals(
        100 * Math.exp(0.5 * 1.959963984540054),
        new Distribution.LogNormal(100, 0.5).quantile(0.975),
        1e-7);
    assertEquals(3.0, new Distribution.Constant(3).quantile(0.123), 0.0);
  }

  @Test
  void test_bounds_ofEachFamily() {
    assertEquals(Double.NEGATIVE_INFINITY, new Distribution.Normal(0, 1).lowerBound(), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, new Distribution.Normal(0, 1).upperBound(), 0.0);
    assertEquals(0.0, new Distribution.LogNormal(1, 1).lowerBound(), 0.0);
    assertEquals(0.0, new Distribution.Exponential(1).lowerBound(), 0.0);
    assertEquals(-1.0, new Distribution.Uniform(-1, 3).lowerBound(), 0.0);
    assertEquals(3.0, new Distribution.Uniform(-1, 3).upperBound(), 0.0);
    assertEquals(5.0, new Distribution.Constant(5).lowerBound(), 0.0);
    assertEquals(5.0, new Distribution.Constant(5).upperBound(), 0.0);
  }

  private static void assertMessageStartsWith(String prefix, Executable constructor) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
    assertTrue(
        e.getMessage().startsWith(prefix), "'" + e.getMessage() + "' should start with " + prefix);
  }

  @Test
  void test_constructors_validationMessagesNameTheField() {
    assertMessageStartsWith("max:", () -> new Distribution.Uniform(2, 2));
    assertMessageStartsWith("max:", () -> new Distribution.Uniform(2, 1));
    assertMessageStartsWith("min:", () -> new Distribution.Uniform(Double.NaN, 1));
    assertMessageStartsWith("sd:", () -> new Distribution.Normal(0, 0));
    assertMessageStartsWith("mean:", () -> new Distribution.Normal(Double.POSITIVE_INFINITY, 1));
    assertMessageStartsWith("median:", () -> new Distribution.LogNormal(-1, 1));
    assertMessageStartsWith("sigma:", () -> new Distribution.LogNormal(1, 0));
    assertMessageStartsWith("mean:", () -> new Distribution.Exponential(0));
    assertMessageStartsWith("mode:", () -> new Distribution.Triangular(0, 5, 4));
    assertMessageStartsWith("mode:", () -> new Distribution.Triangular(1, 1, 1));
    assertMessageStartsWith("max:", () -> new Distribution.Triangular(0, 1, Double.NaN));
    assertMessageStartsWith("value:", () -> new Distribution.Constant(Double.NaN));
  }
}
