package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * DebtRank on DR-1 (docs/contagion.md, the NetworkRiskMeasures README network) in all four variants
 * and all four shocks, to 1e-12, plus the linear fixed point of the differential dynamics and the
 * order independence of the threshold cascade.
 */
class DebtRankTest {

  private static final double TOL = 1e-12;

  /**
   * DR-1. The README's assets_matrix says who lends to whom (row lends to column): a→b 1, b→a 10,
   * b→c 3, c→a 3, c→b 2. As liabilities (i owes j): b owes a 1, a owes b 10, c owes b 3, a owes c
   * 3, b owes c 2. Equity (2, 5, 2), weights (10, 100, 30) → v = (1/14, 10/14, 3/14).
   */
  static ExposureNetwork dr1() {
    double[][] l = {
      {0, 10, 3},
      {1, 0, 2},
      {0, 3, 0}
    };
    List<Bank> banks =
        List.of(
            new Bank("a", 0, 0, 2, 10), new Bank("b", 0, 0, 5, 100), new Bank("c", 0, 0, 2, 30));
    return ExposureNetwork.of(banks, l);
  }

  private static DebtRankResult run(DebtRankVariant v, double... shock) {
    return DebtRank.run(dr1(), v, shock);
  }

  private static void check(DebtRankResult r, double expectedR, double... expectedH) {
    assertArrayEquals(expectedH, r.finalStress(), TOL, r.variant().toString());
    assertEquals(expectedR, r.debtRank(), TOL, r.variant().toString());
    assertTrue(r.converged());
  }

  @Test
  void test_run_aDefaultsSameInEveryVariant() {
    // a owes b 10 (impact 10/5 = 2, capped 1) and c 3 (3/2, capped 1): b and c default at once.
    // R = (10 + 100 + 30)/140 − 10/140 = 130/140 = 13/14.
    for (DebtRankVariant v : DebtRankVariant.values()) {
      DebtRankResult r = run(v, 1, 0, 0);
      check(r, 13.0 / 14, 1, 1, 1);
      assertEquals(2, r.additionalDefaults());
    }
  }

  @Test
  void test_run_bDefaultsSameInEveryVariant() {
    // b owes a 1 (impact 1/2 = 0.5) and c 2 (2/2 = 1): h = (0.5, 1, 1); a's 0.5 then hits b and c,
    // both already at 1. R = (5 + 100 + 30)/140 − 100/140 = 35/140 = 0.25.
    for (DebtRankVariant v : DebtRankVariant.values()) {
      DebtRankResult r = run(v, 0, 1, 0);
      check(r, 0.25, 0.5, 1, 1);
      assertEquals(1, r.additionalDefaults());
    }
  }

  @Test
  void test_run_cDefaultsBattiston2012() {
    // c owes b 3 (0.6): h_b = 0.6. b propagates 0.6 once: a += 0.5·0.6 = 0.3, c capped. a
    // propagates
    // 0.3 once with capped W_ab = 1: h_b = 0.9. R = (3 + 90 + 30 − 30)/140 = 93/140.
    DebtRankResult r = run(DebtRankVariant.BATTISTON_2012, 0, 0, 1);
    check(r, 93.0 / 140, 0.3, 0.9, 1);
    assertEquals(0, r.additionalDefaults());
  }

  @Test
  void test_run_cDefaultsSingleHitUncapped() {
    // As above but a's impact on b is 10/5 = 2: h_b = 0.6 + 2·0.3 = 1.2 → 1. R = (3 + 100)/140 =
    // 103/140.
    check(run(DebtRankVariant.SINGLE_HIT_UNCAPPED, 0, 0, 1), 103.0 / 140, 0.3, 1, 1);
  }

  @Test
  void test_run_cDefaultsBardoscia2015() {
    // Increments: b +0.6; a +0.3; b +0.6 → capped, +0.4; a +0.5·0.4 = 0.2 → 0.5. h = (0.5, 1, 1).
    // R = (5 + 100 + 30 − 30)/140 = 0.75.
    check(run(DebtRankVariant.BARDOSCIA_2015, 0, 0, 1), 0.75, 0.5, 1, 1);
  }

  @Test
  void test_run_cDefaultsThreshold() {
    // Only c's default propagates: h_b = 0.6 < 1 stops there. R = 60/140.
    check(run(DebtRankVariant.THRESHOLD, 0, 0, 1), 60.0 / 140, 0, 0.6, 1);
  }

  @Test
  void test_run_uniformTenPercentShock() {
    // Battiston 2012 (README: "additional stress of 16.07%"): all distressed once, each propagates
    // 0.1:
    // a = 0.1 + 0.5·0.1 = 0.15, b = 0.1 + (1 + 0.6)·0.1 = 0.26, c = 0.1 + (1 + 1)·0.1 = 0.30;
    // R = (1.5 + 26 + 9)/140 − 0.1 = 22.5/140.
    check(run(DebtRankVariant.BATTISTON_2012, 0.1, 0.1, 0.1), 22.5 / 140, 0.15, 0.26, 0.30);
    // Uncapped: b = 0.1 + (2 + 0.6)·0.1 = 0.36, c = 0.1 + (1.5 + 1)·0.1 = 0.35; R = 34/140.
    check(run(DebtRankVariant.SINGLE_HIT_UNCAPPED, 0.1, 0.1, 0.1), 34.0 / 140, 0.15, 0.36, 0.35);
    // Differential: b and c saturate; b's total increment 1 (from h(−1) = 0) gives a 0.1 + 0.5 =
    // 0.6.
    // R = (6 + 100 + 30)/140 − 0.1 = 122/140.
    DebtRankResult diff = run(DebtRankVariant.BARDOSCIA_2015, 0.1, 0.1, 0.1);
    check(diff, 122.0 / 140, 0.6, 1, 1);
    assertEquals(0.8714286, diff.debtRank(), 1e-7);
    assertEquals(2, diff.additionalDefaults());
    // Threshold: nobody defaults, nothing propagates.
    check(run(DebtRankVariant.THRESHOLD, 0.1, 0.1, 0.1), 0, 0.1, 0.1, 0.1);
  }

  @Test
  void test_eachNodeDefaulting_readmeRanking() {
    // README @ 4b5c0af9: "a 0.9285714 / c 0.6642857 / b 0.2500000", defaults 2 / 0 / 1.
    List<DebtRankResult> all = DebtRank.eachNodeDefaulting(dr1(), DebtRankVariant.BATTISTON_2012);
    assertEquals(0.9285714, all.get(0).debtRank(), 1e-7);
    assertEquals(0.2500000, all.get(1).debtRank(), 1e-7);
    assertEquals(0.6642857, all.get(2).debtRank(), 1e-7);
    assertArrayEquals(
        new int[] {2, 1, 0}, all.stream().mapToInt(DebtRankResult::additionalDefaults).toArray());
  }

  @Test
  void test_run_differentialLinearFixedPoint() {
    // While no node hits the cap, h(∞) = (I − Λ)^{-1} h(0), with Λ_ji = L[i][j]/E_j, ρ(Λ) < 1.
    SplittableRandom rnd = new SplittableRandom(3L);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + rnd.nextInt(6);
      double[][] l = new double[n][n];
      List<Bank> banks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        banks.add(new Bank("n" + i, 0, 0, 10, 1 + rnd.nextDouble()));
        for (int j = 0; j < n; j++) {
          if (i != j) {
            l[i][j] = rnd.nextDouble() * 1.5;
          }
        }
      }
      double[] shock = new double[n];
      shock[rnd.nextInt(n)] = 0.05;
      DebtRankResult r =
          DebtRank.run(ExposureNetwork.of(banks, l), DebtRankVariant.BARDOSCIA_2015, shock);
      RealMatrix lambda = MatrixUtils.createRealMatrix(n, n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          lambda.setEntry(j, i, l[i][j] / 10);
        }
      }
      double[] expected =
          new LUDecomposition(MatrixUtils.createRealIdentityMatrix(n).subtract(lambda))
              .getSolver()
              .solve(MatrixUtils.createRealVector(shock))
              .toArray();
      for (double h : expected) {
        assertTrue(h < 1, "the example must stay below the cap");
      }
      assertArrayEquals(expected, r.finalStress(), 1e-10);
    }
  }

  @Test
  void test_run_thresholdCascadeIsOrderIndependent() {
    // Pitfall 5: a sequential cascade, visiting nodes in any order and defaulting j as soon as
    // ψ_j + Σ_{i defaulted} L[i][j]/E_j ≥ 1, reaches the same default set as the synchronous
    // rounds.
    SplittableRandom rnd = new SplittableRandom(5L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 3 + rnd.nextInt(10);
      double[][] l = new double[n][n];
      List<Bank> banks = new ArrayList<>();
      double[] equity = new double[n];
      for (int i = 0; i < n; i++) {
        equity[i] = 1 + rnd.nextInt(4);
        banks.add(new Bank("n" + i, 0, 0, equity[i], 1));
        for (int j = 0; j < n; j++) {
          if (i != j && rnd.nextDouble() < 0.3) {
            l[i][j] = rnd.nextInt(4);
          }
        }
      }
      double[] shock = new double[n];
      shock[rnd.nextInt(n)] = 1;
      DebtRankResult sync =
          DebtRank.run(ExposureNetwork.of(banks, l), DebtRankVariant.THRESHOLD, shock);
      for (int perm = 0; perm < 5; perm++) {
        int[] order = shuffled(rnd, n);
        boolean[] defaulted = new boolean[n];
        for (int i = 0; i < n; i++) {
          defaulted[i] = shock[i] >= 1;
        }
        boolean changed = true;
        while (changed) {
          changed = false;
          for (int j : order) {
            if (defaulted[j]) {
              continue;
            }
            double loss = shock[j];
            for (int i = 0; i < n; i++) {
              if (defaulted[i]) {
                loss += l[i][j] / equity[j];
              }
            }
            if (loss >= 1) {
              defaulted[j] = true;
              changed = true;
            }
          }
        }
        for (int j = 0; j < n; j++) {
          assertEquals(
              defaulted[j],
              DebtRankResult.isDefault(sync.finalStress()[j]),
              "trial " + trial + " node " + j);
        }
      }
    }
  }

  private static int[] shuffled(SplittableRandom rnd, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[k];
      a[k] = t;
    }
    return a;
  }

  @Test
  void test_run_rejectsZeroEquityWithInterbankAssets() {
    List<Bank> banks = List.of(new Bank("x", 0, 0, 1, 1), new Bank("y", 0, 0, 0, 1));
    ExposureNetwork n = ExposureNetwork.of(banks, new double[][] {{0, 1}, {0, 0}});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DebtRank.run(n, DebtRankVariant.BARDOSCIA_2015, new double[] {1, 0}));
    assertTrue(e.getMessage().contains("bank y"), e.getMessage());
  }

  @Test
  void test_fromCliName_roundTrips() {
    for (DebtRankVariant v : DebtRankVariant.values()) {
      assertEquals(v, DebtRankVariant.fromCliName(v.cliName()));
    }
    assertThrows(IllegalArgumentException.class, () -> DebtRankVariant.fromCliName("linear"));
    assertFalse(DebtRankResult.isDefault(1 - 1e-9));
  }
}
