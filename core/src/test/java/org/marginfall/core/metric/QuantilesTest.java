package org.marginfall.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {

  private static final double TOLERANCE = 1e-12;

  @Test
  void test_type7_interpolatesBetweenOrderStatistics() {
    // Sorted: 1, 2, 4, 8, 16 (n = 5), given out of order; h0 = (n - 1) p is the 0-based position.
    double[] x = {8, 1, 16, 2, 4};
    // p = 0.05: h0 = 0.2 -> 1 + 0.2 (2 - 1) = 1.2
    assertEquals(1.2, Quantiles.type7(x, 0.05), TOLERANCE);
    // p = 0.25: h0 = 1 -> x(2) = 2
    assertEquals(2.0, Quantiles.type7(x, 0.25), TOLERANCE);
    // p = 0.5: h0 = 2 -> 4
    assertEquals(4.0, Quantiles.type7(x, 0.5), TOLERANCE);
    // p = 0.6: h0 = 2.4 -> 4 + 0.4 (8 - 4) = 5.6
    assertEquals(5.6, Quantiles.type7(x, 0.6), TOLERANCE);
    // p = 0.95: h0 = 3.8 -> 8 + 0.8 (16 - 8) = 14.4
    assertEquals(14.4, Quantiles.type7(x, 0.95), TOLERANCE);
    assertEquals(1.0, Quantiles.type7(x, 0), TOLERANCE);
    assertEquals(16.0, Quantiles.type7(x, 1), TOLERANCE);
    // the input is not reordered
    assertArrayEquals(new double[] {8, 1, 16, 2, 4}, x);
  }

  @Test
  void test_type7_agreesWithRsDefaultOnAnEvenSample() {
    // R: quantile(c(0.9, 1.1, 1.5, 3.0), c(.25, .75)) = 1.05, 1.875 (type 7):
    // p = 0.25: h0 = 0.75 -> 0.9 + 0.75 * 0.2 = 1.05; p = 0.75: h0 = 2.25 -> 1.5 + 0.25 * 1.5 =
    // 1.875
    double[] x = {0.9, 1.1, 1.5, 3.0};
    assertEquals(1.05, Quantiles.type7(x, 0.25), TOLERANCE);
    assertEquals(1.875, Quantiles.type7(x, 0.75), TOLERANCE);
    assertEquals(1.3, Quantiles.type7(x, 0.5), TOLERANCE);
  }

  @Test
  void test_type7_singleValueAndEmpty() {
    assertEquals(2.5, Quantiles.type7(new double[] {2.5}, 0.05));
    assertEquals(2.5, Quantiles.type7(new double[] {2.5}, 0.95));
    assertTrue(Double.isNaN(Quantiles.type7(new double[0], 0.5)));
  }

  @Test
  void test_type7_rejectsBadProbabilityAndNaN() {
    assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, 1.5));
    assertThrows(
        IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1, Double.NaN}, 0.5));
  }

  @Test
  void test_healthBands_fiveQuantilesOfTheFiniteValues() {
    // Finite health values 0.8, 1.0, 1.2, 2.0, 5.0, 10.0 (n = 6); the infinite one (no risk) is
    // left out.
    HealthBands b =
        HealthBands.of(new double[] {5.0, Double.POSITIVE_INFINITY, 0.8, 10.0, 1.2, 1.0, 2.0});
    assertEquals(6, b.count());
    // p05: h0 = 5 * 0.05 = 0.25 -> 0.8 + 0.25 * 0.2 = 0.85
    assertEquals(0.85, b.p05(), TOLERANCE);
    // p25: h0 = 1.25 -> 1.0 + 0.25 * 0.2 = 1.05
    assertEquals(1.05, b.p25(), TOLERANCE);
    // p50: h0 = 2.5 -> 1.2 + 0.5 * 0.8 = 1.6
    assertEquals(1.6, b.p50(), TOLERANCE);
    // p75: h0 = 3.75 -> 2.0 + 0.75 * 3.0 = 4.25
    assertEquals(4.25, b.p75(), TOLERANCE);
    // p95: h0 = 4.75 -> 5.0 + 0.75 * 5.0 = 8.75
    assertEquals(8.75, b.p95(), TOLERANCE);
    assertArrayEquals(new double[] {0.85, 1.05, 1.6, 4.25, 8.75}, b.quantiles(), TOLERANCE);
  }

  @Test
  void test_healthBands_ofABufferReadOnlyItsCount() {
    // The values of the test above in a reused buffer, followed by a stale 0.1 and 99 past the
    // count that must not be read: the same bands.
    double[] buffer = {5.0, Double.POSITIVE_INFINITY, 0.8, 10.0, 1.2, 1.0, 2.0, 0.1, 99};
    HealthBands b = HealthBands.ofReordering(buffer, 7);
    assertEquals(6, b.count());
    assertArrayEquals(new double[] {0.85, 1.05, 1.6, 4.25, 8.75}, b.quantiles(), TOLERANCE);
    assertSame(HealthBands.NONE, HealthBands.ofReordering(buffer, 0));
  }

  @Test
  void test_healthBands_noAccountWithRiskIsNone() {
    assertSame(HealthBands.NONE, HealthBands.of(new double[0]));
    assertSame(HealthBands.NONE, HealthBands.of(new double[] {Double.POSITIVE_INFINITY}));
    assertEquals(0, HealthBands.NONE.count());
    assertTrue(Double.isNaN(HealthBands.NONE.p50()));
  }

  @Test
  void test_healthBands_rejectsInconsistentComponents() {
    assertThrows(IllegalArgumentException.class, () -> new HealthBands(-1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new HealthBands(0, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new HealthBands(2, 1, Double.NaN, 1, 1, 1));
  }

  @Test
  void test_selectType7_givesExactlyTheSortedQuantiles() {
    // Selection must return the very bits a sort gives: ties, runs, -0.0 beside 0.0, both orders.
    java.util.Random random = new java.util.Random(7);
    double[] ps = HealthBands.PROBABILITIES;
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(trial < 1000 ? 12 : 600);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(5);
        x[i] =
            kind == 0
                ? random.nextInt(4)
                : kind == 1
                    ? (random.nextBoolean() ? -0.0 : 0.0)
                    : kind == 2 ? i : random.nextGaussian();
      }
      if (trial % 7 == 0) {
        java.util.Arrays.sort(x);
      }
      double[] expected = new double[ps.length];
      for (int i = 0; i < ps.length; i++) {
        expected[i] = Quantiles.type7(x, ps[i]);
      }
      double[] actual = Quantiles.selectType7(x.clone(), ps);
      for (int i = 0; i < ps.length; i++) {
        assertEquals(
            Double.doubleToRawLongBits(expected[i]),
            Double.doubleToRawLongBits(actual[i]),
            "trial "
                + trial
                + ", p = "
                + ps[i]
                + ": "
                + expected[i]
                + " by sorting, "
                + actual[i]
                + " by selection");
      }
    }
    assertTrue(Double.isNaN(Quantiles.selectType7(new double[0], ps)[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Quantiles.selectType7(new double[] {1, 2}, new double[] {0.5, 0.25}));
  }
}
