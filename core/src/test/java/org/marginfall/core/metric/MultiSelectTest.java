package org.marginfall.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The multiple selection behind {@link Quantiles#selectType7} and {@link HealthBands} against a
 * full sort ({@link Arrays#sort(double[])}, whose order is {@link Double#compare}): bit for bit, on
 * random samples with ties, signed zeros and sorted runs.
 */
class MultiSelectTest {

  /** The shapes of sample the property tests draw. */
  private enum Shape {
    CONTINUOUS,
    FEW_VALUES,
    SIGNED_ZEROS,
    ASCENDING_RUNS,
    DESCENDING,
    ALL_EQUAL
  }

  private static double[] sample(SplittableRandom r, int n, Shape shape) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          switch (shape) {
            case CONTINUOUS, ASCENDING_RUNS, DESCENDING -> Math.exp(r.nextGaussian()) - 0.2;
            case FEW_VALUES -> r.nextInt(7) * 0.25 - 0.5;
            case SIGNED_ZEROS -> new double[] {-0.0, 0.0, -1.5, 2.0}[r.nextInt(4)];
            case ALL_EQUAL -> 1.25;
          };
    }
    if (shape == Shape.ASCENDING_RUNS) {
      int run = 1 + r.nextInt(64);
      for (int from = 0; from < n; from += run) {
        Arrays.sort(x, from, Math.min(n, from + run));
      }
    } else if (shape == Shape.DESCENDING) {
      Arrays.sort(x);
      for (int i = 0, j = n - 1; i < j; i++, j--) {
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
    }
    return x;
  }

  /** Asserts that selection gives a sort's quantiles and order statistics, bit for bit. */
  private static void assertLikeSort(double[] x, double[] ps, String label) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] work = x.clone();
    double[] q = Quantiles.selectType7(work, ps);
    for (int i = 0; i < ps.length; i++) {
      double expected = Quantiles.sortedType7(sorted, ps[i]);
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(q[i]),
          label + ", p = " + ps[i] + ": " + q[i] + " against " + expected);
      // The order statistics themselves stand at their ranks (so -0.0 before 0.0).
      int lo = (int) Math.floor((x.length - 1) * ps[i]);
      int hi = Math.min(lo + 1, x.length - 1);
      assertEquals(Double.doubleToRawLongBits(sorted[lo]), Double.doubleToRawLongBits(work[lo]));
      assertEquals(Double.doubleToRawLongBits(sorted[hi]), Double.doubleToRawLongBits(work[hi]));
    }
    // Selection only reorders.
    Arrays.sort(work);
    assertArrayEquals(sorted, work, label);
  }

  @Test
  void test_fiveProbabilities_likeAFullSort() {
    SplittableRandom r = new SplittableRandom(20261208);
    for (int trial = 0; trial < 1_500; trial++) {
      int n = trial < 60 ? 1 + trial : 1 + r.nextInt(2_000);
      Shape shape = Shape.values()[trial % Shape.values().length];
      assertLikeSort(sample(r, n, shape), HealthBands.PROBABILITIES, shape + " n = " + n);
    }
  }

  @Test
  void test_anyAscendingProbabilities_likeAFullSort() {
    SplittableRandom r = new SplittableRandom(16);
    for (int trial = 0; trial < 1_500; trial++) {
      int n = 1 + r.nextInt(2_000);
      Shape shape = Shape.values()[r.nextInt(Shape.values().length)];
      double[] ps = new double[1 + r.nextInt(9)];
      for (int i = 0; i < ps.length; i++) {
        // Ends and repeats included: 0, 1 and grid points come up often.
        int pick = r.nextInt(4);
        ps[i] = pick == 0 ? 0 : pick == 1 ? 1 : pick == 2 ? r.nextInt(21) / 20.0 : r.nextDouble();
      }
      Arrays.sort(ps);
      assertLikeSort(sample(r, n, shape), ps, shape + " n = " + n + " ps " + Arrays.toString(ps));
    }
  }

  @Test
  void test_signedZeros_orderedAsASort() {
    // Sorted by Double.compare: -1.0, -0.0, -0.0, 0.0, 0.0, 3.0. p = 0.4: h = 2 -> x_2 = -0.0;
    // p = 0.6: h = 3 -> x_3 = 0.0 (+ 0 * (0.0 - 0.0)).
    double[] x = {0.0, 3.0, -0.0, 0.0, -1.0, -0.0};
    double[] q = Quantiles.selectType7(x, new double[] {0.4, 0.6});
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(x[2]));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(x[3]));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(q[1]));
  }

  @Test
  void test_prefix_selectsOnlyTheFirstN() {
    // Of 4, 1, 3, 2 (sorted 1, 2, 3, 4): median h = 1.5 -> 2.5; the trailing 0s are not sample.
    double[] x = {4, 1, 3, 2, 0, 0};
    assertArrayEquals(new double[] {2.5}, Quantiles.selectType7(x, 4, new double[] {0.5}));
    assertEquals(0, x[4]);
    assertEquals(0, x[5]);
    assertThrows(
        IllegalArgumentException.class, () -> Quantiles.selectType7(x, 7, new double[] {0.5}));
    assertThrows(
        IllegalArgumentException.class, () -> Quantiles.selectType7(x, 4, new double[] {0.6, 0.5}));
  }

  @Test
  void test_healthBands_ofReordering_equalsOf() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      double[] health = sample(r, 1 + r.nextInt(500), Shape.CONTINUOUS);
      for (int i = 0; i < health.length; i += 1 + r.nextInt(5)) {
        health[i] = Double.POSITIVE_INFINITY;
      }
      double[] kept = health.clone();
      HealthBands copied = HealthBands.of(health);
      assertArrayEquals(kept, health, "of leaves its argument alone");
      assertEquals(copied, HealthBands.ofReordering(health));
    }
  }
}
