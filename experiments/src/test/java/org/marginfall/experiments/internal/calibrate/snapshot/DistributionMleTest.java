package org.marginfall.experiments.internal.calibrate.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.marginfall.experiments.internal.calibrate.Estimate;

/** The closed-form fits on hand-computed samples. */
class DistributionMleTest {

  @Test
  void test_lognormal_onLogsZeroAndTwo_isMedianEAndSigmaOne() {
    // Five values e^0 and five e^2: the logs' mean is 1 and their 1/n standard deviation 1.
    double[] values = new double[10];
    for (int i = 0; i < 10; i++) {
      values[i] = Math.exp(i % 2 == 0 ? 0 : 2);
    }
    DistributionFit f = DistributionMle.lognormal("collateral", values);
    assertEquals("lognormal", f.dist());
    assertEquals(Math.E, f.estimates().get(0).value(), 1e-12);
    assertEquals(1.0, f.estimates().get(1).value(), 1e-12);
    assertEquals(Math.E / Math.sqrt(10), f.estimates().get(0).standardError(), 1e-12);
    assertEquals(1 / Math.sqrt(20), f.estimates().get(1).standardError(), 1e-12);
    // The fitted CDF at the median is 1/2; the empirical CDF jumps from 0 to 1/2 at 1 (= e^0, one
    // sd below), where the fitted is Phi(-1) = 0.158655: D = 0.5 - 0.158655.
    assertEquals(0.5 - 0.15865525393145707, f.ksStatistic(), 1e-9);
    assertEquals("{dist: lognormal, median: 2.71828, sigma: 1}", f.yaml());
  }

  @Test
  void test_uniform_onOneToTen_isTheExtremes_withTheOrderStatisticsError() {
    double[] values = {3, 1, 4, 10, 5, 9, 2, 6, 8, 7};
    DistributionFit f = DistributionMle.uniform("targetLtv", values);
    assertEquals(1, f.estimates().get(0).value());
    assertEquals(10, f.estimates().get(1).value());
    // sd of the maximum of n uniforms on a range R: R sqrt(n) / ((n + 1) sqrt(n + 2)) = 9 sqrt(10)
    // / (11 sqrt(12)).
    assertEquals(
        9 * Math.sqrt(10) / (11 * Math.sqrt(12)), f.estimates().get(1).standardError(), 1e-12);
    // The empirical CDF reaches 1/10 at 1, where the fitted is 0: D = 1/10.
    assertEquals(0.1, f.ksStatistic(), 1e-12);
  }

  @Test
  void test_share_isKOverN_withTheBinomialError() {
    Estimate e = DistributionMle.share("longShare", 7, 10);
    assertEquals(0.7, e.value(), 1e-15);
    assertEquals(Math.sqrt(0.7 * 0.3 / 10), e.standardError(), 1e-15);
  }

  @Test
  void test_tooFewOrEqualValues_areRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DistributionMle.lognormal("x", new double[] {1, 2, 3}));
    double[] same = new double[12];
    java.util.Arrays.fill(same, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DistributionMle.uniform("x", same));
    assertEquals("x: all 12 values are equal (4.0): use a constant", e.getMessage());
  }
}
