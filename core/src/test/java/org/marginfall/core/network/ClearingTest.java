package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Eisenberg–Noe and Rogers–Veraart clearing against the worked examples of docs/contagion.md (EN-1
 * to EN-6, RV-1, RV-2 and the tie rules; their origins are listed under its Sources) to 1e-9 on
 * vectors, exact default sets and rounds, and the properties of the clearing map.
 */
class ClearingTest {

  private static final double TOL = 1e-9;
  private static final ExternalLiabilities PARI = ExternalLiabilities.PARI_PASSU;
  private static final ExternalLiabilities SENIOR = ExternalLiabilities.SENIOR;

  static ExposureNetwork net(double[][] l, double[] ea, double[] el) {
    List<Bank> banks = new ArrayList<>();
    for (int i = 0; i < ea.length; i++) {
      banks.add(Bank.of("b" + (i + 1), ea[i], el[i]));
    }
    return ExposureNetwork.of(banks, l);
  }

  static ExposureNetwork net(double[][] l, double[] ea) {
    return net(l, ea, new double[ea.length]);
  }

  /** FinNetValu test_rogers.jl network: p̄ = (0.8, 12.5, 8.4). */
  private static final double[][] L_FINNET = {{0, 0.1, 0.7}, {2.0, 0, 10.5}, {0, 8.4, 0}};

  @Test
  void test_eisenbergNoe_en1() {
    // EN-1, e = (1,1,1). Round 1 with p = p̄: bank 2 value = 1 + 0.1 + 8.4 − 12.5 = −3 < 0, banks
    // 1, 3
    // solvent. Solve p2 = e2 + 0.1 + 8.4 = 9.5 (inflows from solvent 1 and 3). Round 2: bank 1
    // receives 2/12.5·9.5 = 1.52 → 1 + 1.52 − 0.8 = 1.72; bank 3: 1 + 0.7 + 10.5/12.5·9.5 − 8.4 =
    // 1.28.
    ClearingResult r = Clearing.eisenbergNoe(net(L_FINNET, new double[] {1, 1, 1}), PARI);
    assertArrayEquals(new double[] {0.8, 12.5, 8.4}, r.obligations(), TOL);
    assertArrayEquals(new double[] {0.8, 9.5, 8.4}, r.payments(), TOL);
    assertArrayEquals(new int[] {0, 1, 0}, r.defaultRounds());
    assertArrayEquals(new double[] {1.72, -3.0, 1.28}, r.netWorth(), TOL);
    // FinNetValu asserts the iterates [0.8 0.8; 12.5 9.5; 8.4 8.4].
    assertEquals(2, r.iterates().size());
    assertArrayEquals(new double[] {0.8, 12.5, 8.4}, r.iterates().get(0), TOL);
    assertArrayEquals(new double[] {0.8, 9.5, 8.4}, r.iterates().get(1), TOL);
  }

  @Test
  void test_eisenbergNoe_en2WithIterates() {
    // EN-2, e = (0, 0, 0.1). Round 1: bank 2: 0 + 0.1 + 8.4 − 12.5 = −4 → p2 = 8.5; bank 3: 0.1 +
    // 0.7 + 10.5 − 8.4 > 0. Round 2: bank 3: 0.1 + 0.7 + 0.84·8.5 − 8.4 = −0.46 < 0; solve
    // p2 = 0.1 + p3, p3 = 0.1 + 0.7 + 0.84 p2 → p2 = 0.9/0.16 = 5.625, p3 = 5.525.
    ClearingResult r = Clearing.eisenbergNoe(net(L_FINNET, new double[] {0, 0, 0.1}), PARI);
    assertArrayEquals(new double[] {0.8, 5.625, 5.525}, r.payments(), TOL);
    assertArrayEquals(new int[] {0, 1, 2}, r.defaultRounds());
    assertEquals(List.of(1, 2), r.defaultSet());
    // Net worth: bank 1 = 0 + 0.16·5.625 − 0.8 = 0.1; bank 2 = 0.1 + 5.525 − 12.5 = −6.875;
    // bank 3 = 0.1 + 0.7 + 0.84·5.625 − 8.4 = −2.875.
    assertArrayEquals(new double[] {0.1, -6.875, -2.875}, r.netWorth(), TOL);
    assertEquals(3, r.iterates().size());
    assertArrayEquals(new double[] {0.8, 12.5, 8.4}, r.iterates().get(0), TOL);
    assertArrayEquals(new double[] {0.8, 8.5, 8.4}, r.iterates().get(1), TOL);
    assertArrayEquals(new double[] {0.8, 5.625, 5.525}, r.iterates().get(2), TOL);
  }

  @Test
  void test_eisenbergNoe_en3ExactFractions() {
    // EN-3 (systemicrisk default_clearing.Rd), pari passu: p̄ = (2.5, 1.5, 1.5); each bank owes 0.5
    // to each other.
    // Round 1: bank 1: 0.5 + 0.5 + 0.5 − 2.5 = −1 → p1 = 0.5 + 0.5 + 0.5 = 1.5 (solvent 2, 3 pay
    // 0.5 each
    // of p̄ = 1.5 → Π = 1/3). Round 2: bank 2: 5/8 + 0.2·1.5 + 0.5 − 1.5 = −0.075 < 0.
    // Solve p1 = 1/2 + p2/3 + 1/2, p2 = 5/8 + p1/5 + 1/2 → p1 = 1 + (9/8 + p1/5)/3 →
    // p1(1 − 1/15) = 1 + 3/8 → p1 = (11/8)(15/14) = 165/112; p2 = 9/8 + 33/112 = 159/112.
    double[][] l = {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    ClearingResult r =
        Clearing.eisenbergNoe(
            net(l, new double[] {0.5, 0.625, 0.75}, new double[] {1.5, 0.5, 0.5}), PARI);
    assertArrayEquals(new double[] {2.5, 1.5, 1.5}, r.obligations(), TOL);
    assertArrayEquals(new double[] {165.0 / 112, 159.0 / 112, 1.5}, r.payments(), TOL);
    assertArrayEquals(new int[] {1, 2, 0}, r.defaultRounds());
  }

  /** Rogers–Veraart §5.1 circular network: n = 6, a = 2, ε = 1, γ = 0.4. */
  static ExposureNetwork circular() {
    double a = 2;
    double eps = 1;
    double gamma = 0.4;
    double[][] l = new double[6][6];
    for (int i = 0; i < 6; i++) {
      l[i][(i + 1) % 6] = i % 2 == 0 ? a : a + eps;
    }
    double[] e = new double[6];
    for (int i = 0; i < 6; i++) {
      e[i] = i % 2 == 0 ? gamma * (1 - eps) : gamma * (1 + eps);
    }
    return net(l, e);
  }

  @Test
  void test_eisenbergNoe_en4Circular() {
    // EN-4: odd banks (1, 3, 5) owe 2 and hold e = 0; even banks owe 3 and hold 0.8. With p̄, an
    // even
    // bank has 0.8 + 2 − 3 = −0.2 < 0; an odd one 0 + 3 − 2 = 1. Even banks pay 0.8 + 2 = 2.8; odd
    // banks then have 2.8 − 2 = 0.8 ≥ 0, so no second round.
    ClearingResult r = Clearing.eisenbergNoe(circular(), PARI);
    assertArrayEquals(new double[] {2, 2.8, 2, 2.8, 2, 2.8}, r.payments(), TOL);
    assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, r.defaultRounds());
    assertArrayEquals(new double[] {0.8, -0.2, 0.8, -0.2, 0.8, -0.2}, r.netWorth(), TOL);
  }

  /** EN-6 (Barucca Exercise2.m) after the 10% shock: Ae = (18, 18, 9), Le = (17, 18, 8). */
  static ExposureNetwork en6() {
    double[][] l = {{0, 4, 0}, {0, 0, 3}, {2, 0, 0}};
    return net(l, new double[] {18, 18, 9}, new double[] {17, 18, 8});
  }

  @Test
  void test_eisenbergNoe_en6SeniorTieIsSolvent() {
    // Senior: e = Ae − Le = (1, 0, 1), p̄ = (4, 3, 2). Round 1: bank 1: 1 + 2 − 4 = −1 → p1 = 1 + 2
    // = 3.
    // Round 2: bank 2: 0 + 3 − 3 = 0 exactly — solvent by the tie rule; bank 3: 1 + 3 − 2 = 2.
    ClearingResult r = Clearing.eisenbergNoe(en6(), SENIOR);
    assertArrayEquals(new double[] {3, 3, 2}, r.payments(), TOL);
    assertArrayEquals(
        new double[] {0.75, 1, 1},
        new double[] {r.recoveryRate(0), r.recoveryRate(1), r.recoveryRate(2)},
        TOL);
    assertArrayEquals(new double[] {-1, 0, 2}, r.netWorth(), TOL);
    assertEquals(0.0, r.netWorth()[1]);
    assertArrayEquals(new int[] {1, 0, 0}, r.defaultRounds());
  }

  @Test
  void test_eisenbergNoe_en6PariPassu() {
    // Pari passu: p̄ = (21, 21, 10), Π[1][2] = 4/21, Π[2][3] = 3/21, Π[3][1] = 2/10.
    // Round 1: bank 1: 18 + 0.2·10 − 21 = −1 → p1 = 18 + 2 = 20. Bank 2: 18 + (4/21)·20 − 21 =
    // −3 + 80/21 = 17/21 = 0.8095238095 ≥ 0; bank 3: 9 + 3 − 10 = 2.
    ClearingResult r = Clearing.eisenbergNoe(en6(), PARI);
    assertArrayEquals(new double[] {20, 21, 10}, r.payments(), TOL);
    assertArrayEquals(new int[] {1, 0, 0}, r.defaultRounds());
    assertArrayEquals(new double[] {-1, 17.0 / 21, 2}, r.netWorth(), TOL);
  }

  @Test
  void test_rogersVeraart_rv1AndRv1bNoDefault() {
    // RV-1: L = [[0,2],[2.2,0]], e = (1,1): bank 1: 1 + 2.2 − 2 > 0, bank 2: 1 + 2 − 2.2 > 0.
    ClearingResult r1 =
        Clearing.rogersVeraart(
            net(new double[][] {{0, 2}, {2.2, 0}}, new double[] {1, 1}), PARI, 0.5, 0.5);
    assertArrayEquals(new double[] {2, 2.2}, r1.payments(), TOL);
    assertTrue(r1.defaultSet().isEmpty());
    ClearingResult r1b =
        Clearing.rogersVeraart(
            net(new double[][] {{0, 2.2}, {2.2, 0}}, new double[] {1, 1}), PARI, 0.5, 0.5);
    assertArrayEquals(new double[] {2.2, 2.2}, r1b.payments(), TOL);
    assertTrue(r1b.defaultSet().isEmpty());
  }

  @Test
  void test_rogersVeraart_rv2ClosedForm() {
    // RV-2, α = β = ½ on the circular network. Round 1: even banks (value −0.2) default. Their
    // Λ = α·0.8 + β·2 = 1.4, so an odd bank has 0 + 1.4 − 2 < 0: round 2, all default. Then
    // Λ_odd = αγ(1−ε) + βΛ_even, Λ_even = αγ(1+ε) + βΛ_odd, giving the closed forms
    // Λ_odd = αγ((1−ε) + β(1+ε))/(1−β²) = 0.2·(0 + 1)/0.75 = 4/15 and
    // Λ_even = αγ(β(1−ε) + (1+ε))/(1−β²) = 0.2·2/0.75 = 8/15.
    double alpha = 0.5;
    double beta = 0.5;
    double gamma = 0.4;
    double eps = 1;
    double odd = alpha * gamma * ((1 - eps) + beta * (1 + eps)) / (1 - beta * beta);
    double even = alpha * gamma * (beta * (1 - eps) + (1 + eps)) / (1 - beta * beta);
    assertEquals(0.2666666667, odd, 1e-10);
    assertEquals(0.5333333333, even, 1e-10);
    ClearingResult r = Clearing.rogersVeraart(circular(), PARI, alpha, beta);
    assertArrayEquals(new double[] {odd, even, odd, even, odd, even}, r.payments(), TOL);
    assertArrayEquals(new int[] {2, 1, 2, 1, 2, 1}, r.defaultRounds());
  }

  @Test
  void test_rogersVeraart_unitCostsEqualEisenbergNoe() {
    ClearingResult en = Clearing.eisenbergNoe(net(L_FINNET, new double[] {0, 0, 0.1}), PARI);
    ClearingResult rv = Clearing.rogersVeraart(net(L_FINNET, new double[] {0, 0, 0.1}), PARI, 1, 1);
    assertArrayEquals(en.payments(), rv.payments(), 0.0);
  }

  @Test
  void test_picard_greatestVersusLeastClearingVector() {
    // Pitfall 1: L = [[0,1],[1,0]], e = 0: every (c, c), c in [0, 1], clears. FDA and Picard from
    // p̄
    // give the greatest (1, 1); Picard from 0 gives the least (0, 0).
    ExposureNetwork ring = net(new double[][] {{0, 1}, {1, 0}}, new double[] {0, 0});
    ClearingResult fda = Clearing.eisenbergNoe(ring, PARI);
    assertArrayEquals(new double[] {1, 1}, fda.payments(), 0.0);
    assertTrue(fda.defaultSet().isEmpty());
    assertArrayEquals(new double[] {1, 1}, Clearing.picard(ring, PARI, 1, 1, 100).payments(), 0.0);
    assertArrayEquals(
        new double[] {0, 0},
        Clearing.picard(ring, PARI, 1, 1, new double[] {0, 0}, 100).payments(),
        0.0);
  }

  @Test
  void test_picard_matchesFdaOnWorkedExamples() {
    // On regular inputs Picard from p̄ and FDA agree; iterate to 1e-14, compare to 1e-10.
    List<ExposureNetwork> cases =
        List.of(
            net(L_FINNET, new double[] {1, 1, 1}),
            net(L_FINNET, new double[] {0, 0, 0.1}),
            net(
                new double[][] {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}},
                new double[] {0.5, 0.625, 0.75},
                new double[] {1.5, 0.5, 0.5}),
            circular(),
            en6());
    for (ExposureNetwork n : cases) {
      for (ExternalLiabilities t : ExternalLiabilities.values()) {
        Clearing.Picard picard = Clearing.picard(n, t, 1, 1, 100_000);
        assertTrue(picard.converged());
        assertArrayEquals(Clearing.eisenbergNoe(n, t).payments(), picard.payments(), 1e-10);
      }
    }
  }

  @Test
  void test_picard_matchesGaWithDefaultCosts() {
    Clearing.Picard picard = Clearing.picard(circular(), PARI, 0.5, 0.5, 100_000);
    assertArrayEquals(
        Clearing.rogersVeraart(circular(), PARI, 0.5, 0.5).payments(), picard.payments(), 1e-10);
  }

  /** A random regular network (all e > 0) with a fixed seed. */
  static ExposureNetwork random(SplittableRandom rnd, int n, double density) {
    double[][] l = new double[n][n];
    double[] e = new double[n];
    double[] el = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = 0.01 + rnd.nextDouble() * 3;
      el[i] = rnd.nextDouble() * 2;
      for (int j = 0; j < n; j++) {
        if (i != j && rnd.nextDouble() < density) {
          l[i][j] = rnd.nextDouble() * 5;
        }
      }
    }
    return net(l, e, el);
  }

  @Test
  void test_greatestClearingVector_propertiesOnRandomNetworks() {
    SplittableRandom rnd = new SplittableRandom(20260101L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rnd.nextInt(9);
      ExposureNetwork net = random(rnd, n, 0.5);
      for (ExternalLiabilities t : ExternalLiabilities.values()) {
        ClearingResult r = Clearing.eisenbergNoe(net, t);
        // FDA: at most n rounds, and each iterate is below the previous one (D monotone).
        assertTrue(r.rounds() <= n);
        for (int k = 1; k < r.iterates().size(); k++) {
          double[] before = r.iterates().get(k - 1);
          double[] after = r.iterates().get(k);
          for (int i = 0; i < n; i++) {
            assertTrue(
                after[i] <= before[i] + 1e-12,
                t
                    + " trial "
                    + trial
                    + " bank "
                    + i
                    + ": "
                    + java.util.Arrays.toString(before)
                    + " -> "
                    + java.util.Arrays.toString(after));
          }
        }
        // Default rounds are 1..rounds; each round added at least one bank.
        for (int k = 1; k <= r.rounds(); k++) {
          final int round = k;
          assertTrue(java.util.Arrays.stream(r.defaultRounds()).anyMatch(x -> x == round));
        }
        // Defaulters pay less than p̄ and have negative net worth; others pay p̄ in full.
        double[] p = r.payments();
        double[] pbar = r.obligations();
        for (int i = 0; i < n; i++) {
          assertEquals(r.defaulted(i), p[i] < pbar[i] - 1e-12 || r.netWorth()[i] < 0, "bank " + i);
          assertTrue(p[i] >= 0 && p[i] <= pbar[i] + 1e-12);
        }
        Clearing.Picard picard = Clearing.picard(net, t, 1, 1, 1_000_000);
        assertArrayEquals(p, picard.payments(), 1e-9);
      }
    }
  }

  @Test
  void test_rogersVeraart_isAFixedPointBelowEisenbergNoe() {
    // On random networks and random α, β: the GA result satisfies the RV equations of contagion.md
    // RV (recomputed here from L and e), and default costs never raise a payment above EN's.
    SplittableRandom rnd = new SplittableRandom(13L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rnd.nextInt(8);
      ExposureNetwork net = random(rnd, n, 0.5);
      double alpha = rnd.nextDouble();
      double beta = rnd.nextDouble();
      double[][] l = net.liabilityMatrix();
      double[] e = net.externalAssets();
      double[] el = net.externalLiabilities();
      ClearingResult r = Clearing.rogersVeraart(net, PARI, alpha, beta);
      double[] lambda = r.payments();
      double[] en = Clearing.eisenbergNoe(net, PARI).payments();
      for (int i = 0; i < n; i++) {
        double pbar = el[i];
        for (int j = 0; j < n; j++) {
          pbar += l[i][j];
        }
        double in = 0;
        for (int j = 0; j < n; j++) {
          double pbarJ = el[j];
          for (int k = 0; k < n; k++) {
            pbarJ += l[j][k];
          }
          in += pbarJ == 0 ? 0 : l[j][i] / pbarJ * lambda[j];
        }
        double expected = e[i] + in >= pbar ? pbar : alpha * e[i] + beta * in;
        assertEquals(expected, lambda[i], 1e-9, "trial " + trial + " bank " + i);
        assertEquals(r.defaulted(i), e[i] + in < pbar, "trial " + trial + " bank " + i);
        assertTrue(lambda[i] <= en[i] + 1e-9);
      }
    }
  }

  @Test
  void test_eisenbergNoe_monotoneInExternalAssets() {
    SplittableRandom rnd = new SplittableRandom(7L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rnd.nextInt(7);
      ExposureNetwork net = random(rnd, n, 0.6);
      double[] e = net.externalAssets();
      e[rnd.nextInt(n)] += rnd.nextDouble() * 2;
      ExposureNetwork richer = net.withExternalAssets(e);
      for (ExternalLiabilities t : ExternalLiabilities.values()) {
        double[] before = Clearing.eisenbergNoe(net, t).payments();
        double[] after = Clearing.eisenbergNoe(richer, t).payments();
        for (int j = 0; j < n; j++) {
          assertTrue(after[j] >= before[j] - 1e-9, "raising e lowered p*_" + j);
        }
      }
    }
  }

  @Test
  void test_eisenbergNoe_conservationWithoutExternalLiabilities() {
    // With no external liabilities, every payment is received by some bank: Σ p*_i = Σ_i Σ_j
    // Π[j][i] p*_j.
    SplittableRandom rnd = new SplittableRandom(11L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rnd.nextInt(9);
      double[][] l = new double[n][n];
      double[] e = new double[n];
      for (int i = 0; i < n; i++) {
        e[i] = rnd.nextDouble() * 2;
        for (int j = 0; j < n; j++) {
          if (i != j && rnd.nextDouble() < 0.5) {
            l[i][j] = rnd.nextDouble() * 5;
          }
        }
      }
      ClearingResult r = Clearing.eisenbergNoe(net(l, e), PARI);
      double[] p = r.payments();
      double[] pbar = r.obligations();
      double paid = 0;
      double received = 0;
      for (int i = 0; i < n; i++) {
        paid += p[i];
        for (int j = 0; j < n; j++) {
          received += pbar[j] == 0 ? 0 : l[j][i] / pbar[j] * p[j];
        }
      }
      assertEquals(paid, received, 1e-9 * Math.max(1, paid));
    }
  }

  @Test
  void test_eisenbergNoe_seniorShortfallPaysZero() {
    // Senior external liabilities exceeding external assets: bank 1 has Ae = 1, Le = 5, owes 2 to
    // bank 2 and receives nothing, so e1 = −4 and it pays max(0, −4) = 0 to bank 2.
    ClearingResult r =
        Clearing.eisenbergNoe(
            net(new double[][] {{0, 2}, {0, 0}}, new double[] {1, 1}, new double[] {5, 0}), SENIOR);
    assertArrayEquals(new double[] {0, 0}, r.payments(), 0.0);
    assertArrayEquals(new int[] {1, 0}, r.defaultRounds());
    assertArrayEquals(new double[] {-6, 1}, r.netWorth(), 0.0);
  }
}
