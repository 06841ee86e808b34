package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sparse network code against the dense code it replaced ({@link DenseClearingReference},
 * {@link DenseDebtRankReference}, verbatim copies) on random small networks: the same numbers bit
 * for bit, because both sum in the same index order; and a round solved by sparse Gauss–Seidel
 * sweeps equal to the LU solve to 1e-12 of the largest obligation.
 */
class SparseEquivalenceTest {

  private static final int NETWORKS = 200;

  /** A random network: n in [2, 30], each ordered pair an edge with probability 0.1, 0.3 or 0.7. */
  static ExposureNetwork random(SplittableRandom rng) {
    int n = 2 + rng.nextInt(29);
    double density = new double[] {0.1, 0.3, 0.7}[rng.nextInt(3)];
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && rng.nextDouble() < density) {
          // Half the amounts on a grid of quarters, so that some sums tie exactly.
          l[i][j] = rng.nextBoolean() ? 0.25 * (1 + rng.nextInt(40)) : 0.1 + 10 * rng.nextDouble();
        }
      }
    }
    List<Bank> banks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double ea = 5 * rng.nextDouble();
      double el = rng.nextBoolean() ? 3 * rng.nextDouble() : 0;
      banks.add(new Bank("b" + i, ea, el, 0.5 + 5 * rng.nextDouble(), 10 * rng.nextDouble()));
    }
    return ExposureNetwork.of(banks, l);
  }

  @Test
  void test_clearing_sparseEqualsDenseBitForBit() {
    SplittableRandom rng = new SplittableRandom(20260517L);
    int defaults = 0;
    for (int k = 0; k < NETWORKS; k++) {
      ExposureNetwork net = random(rng);
      ExternalLiabilities t =
          rng.nextBoolean() ? ExternalLiabilities.PARI_PASSU : ExternalLiabilities.SENIOR;
      double alpha = k % 3 == 0 ? 1 : k % 3 == 1 ? 0.5 : rng.nextDouble();
      double beta = k % 3 == 0 ? 1 : k % 3 == 1 ? 0.5 : rng.nextDouble();
      ClearingResult sparse = Clearing.rogersVeraart(net, t, alpha, beta);
      ClearingResult dense =
          DenseClearingReference.greatestClearingVector(
              net.ids(),
              net.liabilityMatrix(),
              net.externalAssets(),
              net.externalLiabilities(),
              t,
              alpha,
              beta);
      String what = "network " + k;
      assertArrayEquals(dense.obligations(), sparse.obligations(), 0.0, what);
      assertArrayEquals(dense.payments(), sparse.payments(), 0.0, what);
      assertArrayEquals(dense.netWorth(), sparse.netWorth(), 0.0, what);
      assertArrayEquals(dense.defaultRounds(), sparse.defaultRounds(), what);
      assertEquals(dense.iterates().size(), sparse.iterates().size(), what);
      for (int r = 0; r < dense.iterates().size(); r++) {
        assertArrayEquals(
            dense.iterates().get(r), sparse.iterates().get(r), 0.0, what + " round " + r);
      }
      defaults += sparse.defaultSet().size();
    }
    assertTrue(defaults > NETWORKS, "the random networks must exercise defaults, had " + defaults);
  }

  @Test
  void test_clearing_sparseIterationEqualsLuTo1e12() {
    SplittableRandom rng = new SplittableRandom(7L);
    int iterated = 0;
    for (int k = 0; k < NETWORKS; k++) {
      ExposureNetwork net = random(rng);
      ExternalLiabilities t =
          rng.nextBoolean() ? ExternalLiabilities.PARI_PASSU : ExternalLiabilities.SENIOR;
      double alpha = k % 2 == 0 ? 1 : 0.25 + 0.75 * rng.nextDouble();
      double beta = k % 2 == 0 ? 1 : 0.25 + 0.75 * rng.nextDouble();
      ClearingResult lu = Clearing.greatestClearingVector(net, t, alpha, beta, Integer.MAX_VALUE);
      ClearingResult sweeps = Clearing.greatestClearingVector(net, t, alpha, beta, 0);
      double scale = 1;
      for (double x : lu.obligations()) {
        scale = Math.max(scale, x);
      }
      String what = "network " + k;
      assertArrayEquals(lu.defaultRounds(), sweeps.defaultRounds(), what);
      assertArrayEquals(lu.payments(), sweeps.payments(), 1e-12 * scale, what);
      assertArrayEquals(lu.netWorth(), sweeps.netWorth(), 1e-12 * scale, what);
      iterated += sweeps.rounds();
    }
    assertTrue(iterated > NETWORKS / 2, "the sweeps must be exercised, rounds " + iterated);
  }

  @Test
  void test_debtRank_sparseEqualsDenseBitForBit() {
    SplittableRandom rng = new SplittableRandom(99L);
    for (int k = 0; k < NETWORKS; k++) {
      ExposureNetwork net = random(rng);
      double[] shock = new double[net.size()];
      for (int i = 0; i < shock.length; i++) {
        shock[i] = rng.nextInt(4) == 0 ? (rng.nextBoolean() ? 1.0 : rng.nextDouble()) : 0.0;
      }
      for (DebtRankVariant v : DebtRankVariant.values()) {
        DebtRankResult sparse = DebtRank.run(net, v, shock);
        DebtRankResult dense =
            DenseDebtRankReference.run(
                net.ids(), net.liabilityMatrix(), net.equities(), net.values(), v, shock);
        String what = "network " + k + " " + v;
        assertArrayEquals(dense.finalStress(), sparse.finalStress(), 0.0, what);
        assertArrayEquals(dense.weights(), sparse.weights(), 0.0, what);
        assertEquals(dense.steps(), sparse.steps(), what);
        assertEquals(dense.debtRank(), sparse.debtRank(), 0.0, what);
      }
    }
  }
}
