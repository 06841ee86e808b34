package org.marginfall.reports.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RiskMeasuresTest {

  /** 1, 2, ..., 100 in reverse order, so sorting is exercised. */
  private static final double[] HUNDRED =
      IntStream.rangeClosed(1, 100).map(i -> 101 - i).asDoubleStream().toArray();

  @Test
  void test_quantile_type7() {
    // x = 1..10, p = 0.95: h = (10 - 1) * 0.95 = 8.55, x_(9) + 0.55 (x_(10) - x_(9)) = 9 + 0.55 =
    // 9.55.
    double[] ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertEquals(9.55, RiskMeasures.quantile(ten, 0.95), 1e-12);
    // p = 0.5: h = 4.5, 5 + 0.5 (6 - 5) = 5.5, the usual median.
    assertEquals(5.5, RiskMeasures.quantile(ten, 0.5), 1e-12);
    assertEquals(1, RiskMeasures.quantile(ten, 0), 0);
    assertEquals(10, RiskMeasures.quantile(ten, 1), 0);
    assertEquals(10, ten[0], 0, "input not modified");
  }

  @Test
  void test_valueAtRisk_hundredLosses() {
    // h = 99 * 0.95 = 94.05: x_(95) + 0.05 (x_(96) - x_(95)) = 95.05; at 99%: h = 98.01 -> 99.01.
    assertEquals(95.05, RiskMeasures.valueAtRisk(HUNDRED, 0.95), 1e-9);
    assertEquals(99.01, RiskMeasures.valueAtRisk(HUNDRED, 0.99), 1e-9);
  }

  @Test
  void test_expectedShortfall_meanOfTail() {
    // Losses at or above VaR95 = 95.05 are 96..100, mean 98; above VaR99 = 99.01 only 100.
    assertEquals(98, RiskMeasures.expectedShortfall(HUNDRED, 0.95), 1e-12);
    assertEquals(100, RiskMeasures.expectedShortfall(HUNDRED, 0.99), 1e-12);
    // A sample without tail variation: ES equals the common value.
    assertEquals(3, RiskMeasures.expectedShortfall(new double[] {3, 3, 3}, 0.95), 0);
  }

  @Test
  void test_emptyAndInvalid() {
    assertTrue(Double.isNaN(RiskMeasures.valueAtRisk(new double[0], 0.95)));
    assertTrue(Double.isNaN(RiskMeasures.expectedShortfall(new double[0], 0.95)));
    assertThrows(IllegalArgumentException.class, () -> RiskMeasures.quantile(HUNDRED, 1.5));
    double[] one = RiskMeasures.bootstrap95(new double[] {1}, RiskMeasures::mean);
    assertTrue(Double.isNaN(one[0]) && Double.isNaN(one[1]));
  }

  @Test
  void test_bootstrap95_fixedSeedIsReproducibleAndBracketsTheEstimate() {
    double[] a = RiskMeasures.bootstrap95(HUNDRED, RiskMeasures::mean);
    double[] b = RiskMeasures.bootstrap95(HUNDRED, RiskMeasures::mean);
    assertArrayEquals(a, b, 0);
    // The mean is 50.5 and its standard error sd/sqrt(n) = 29.01/10 = 2.9, so the 95% interval
    // is about 50.5 +- 1.96 * 2.9 = [44.8, 56.2]; the bootstrap must land close to that.
    assertEquals(44.8, a[0], 1.2);
    assertEquals(56.2, a[1], 1.2);
  }

  @Test
  void test_bootstrap_constantSampleHasZeroWidth() {
    double[] ci = RiskMeasures.bootstrap(new double[] {7, 7, 7, 7}, RiskMeasures::mean, 50, 1);
    assertArrayEquals(new double[] {7, 7}, ci, 0);
  }
}
