package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Huge but finite inputs (#17, item 25): a number that would overflow is an error naming the model
 * and the node, never an Infinity or NaN in a result; and a 10^4-node sparse network, which the
 * dense code could not hold (10^8 doubles per matrix), clears to a fixed point of the clearing map.
 */
class ExtremeNetworkTest {

  @Test
  void test_clearing_obligationThatOverflowsIsAnErrorNamingTheNode() {
    // A owes B and C 1.5e308 each: p̄_A = 3e308 > Double.MAX_VALUE (≈ 1.797e308) = Infinity.
    List<Bank> banks = List.of(Bank.of("A", 1, 0), Bank.of("B", 1, 0), Bank.of("C", 1, 0));
    ExposureNetwork net =
        ExposureNetwork.of(banks, new double[][] {{0, 1.5e308, 1.5e308}, {0, 0, 0}, {0, 0, 0}});
    NonFiniteResultException e =
        assertThrows(
            NonFiniteResultException.class,
            () -> Clearing.eisenbergNoe(net, ExternalLiabilities.PARI_PASSU));
    assertTrue(
        e.getMessage().startsWith("Eisenberg-Noe: node A: obligation is Infinity"), e.getMessage());
    e =
        assertThrows(
            NonFiniteResultException.class,
            () -> Clearing.rogersVeraart(net, ExternalLiabilities.SENIOR, 0.5, 0.5));
    assertTrue(
        e.getMessage().startsWith("Rogers-Veraart: node A: obligation is Infinity"),
        e.getMessage());
  }

  @Test
  void test_debtRank_impactThatOverflowsIsAnErrorNamingTheNode() {
    // A owes B 1e10 and B's equity is 1e-300: impact 1e310 = Infinity (the old code printed R =
    // 0.0).
    List<Bank> banks = List.of(new Bank("A", 0, 0, 1, 1), new Bank("B", 0, 0, 1e-300, 1));
    ExposureNetwork net = ExposureNetwork.of(banks, new double[][] {{0, 1e10}, {0, 0}});
    NonFiniteResultException e =
        assertThrows(
            NonFiniteResultException.class,
            () -> DebtRank.run(net, DebtRankVariant.BARDOSCIA_2015, new double[] {1, 0}));
    assertTrue(
        e.getMessage().startsWith("DebtRank bardoscia2015: node B: impact of A is Infinity"),
        e.getMessage());
    // Values 1e308 + 1e308 overflow the normalisation: every weight would be 0 and R = 0.
    List<Bank> heavy = List.of(new Bank("A", 0, 0, 1, 1e308), new Bank("B", 0, 0, 1, 1e308));
    ExposureNetwork h = ExposureNetwork.of(heavy, new double[][] {{0, 1}, {0, 0}});
    e =
        assertThrows(
            NonFiniteResultException.class,
            () -> DebtRank.run(h, DebtRankVariant.BATTISTON_2012, new double[] {1, 0}));
    assertTrue(
        e.getMessage()
            .startsWith("DebtRank battiston2012: node (all): the sum of the values is Infinity"),
        e.getMessage());
  }

  @Test
  void test_atTheFileBounds_resultsAreExact() {
    // The network file allows amounts up to 1e15 and equity down to 1e-9 (docs/contagion.md).
    // Clearing: A owes B 1e15 and holds 5e14 outside, so A pays 5e14, recovery exactly 0.5.
    List<Bank> banks = List.of(new Bank("A", 5e14, 0, 1, 1), new Bank("B", 0, 0, 1e-9, 1));
    ExposureNetwork net = ExposureNetwork.of(banks, new double[][] {{0, 1e15}, {0, 0}});
    ClearingResult r = Clearing.eisenbergNoe(net, ExternalLiabilities.PARI_PASSU);
    assertEquals(5e14, r.payments()[0], 0.0);
    assertEquals(0.5, r.recoveryRate(0), 0.0);
    assertEquals(-5e14, r.netWorth()[0], 0.0);
    // DebtRank: impact of A on B = 1e15 / 1e-9 = 1e24 (finite); A defaults, B's stress caps at 1:
    // R = (1 − 0) · 1/2 = 0.5, one additional default.
    for (DebtRankVariant v : DebtRankVariant.values()) {
      DebtRankResult d = DebtRank.run(net, v, new double[] {1, 0});
      assertEquals(0.5, d.debtRank(), 0.0, v.cliName());
      assertEquals(1, d.additionalDefaults(), v.cliName());
    }
  }

  @Test
  void test_tenThousandNodes_clearToAFixedPointOfTheClearingMap() {
    int n = 10_000;
    SplittableRandom rng = new SplittableRandom(11L);
    List<Bank> banks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      banks.add(Bank.of("n" + i, i % 20 == 0 ? 0 : 40 * rng.nextDouble(), 10 * rng.nextDouble()));
    }
    int[] from = new int[10 * n];
    int[] to = new int[10 * n];
    double[] amount = new double[10 * n];
    for (int k = 0; k < from.length; k++) {
      from[k] = k / 10;
      to[k] = (k / 10 + 1 + rng.nextInt(n - 1)) % n;
      amount[k] = 1 + 9 * rng.nextDouble();
    }
    ExposureNetwork net = ExposureNetwork.fromEdges(banks, from, to, amount);
    ClearingResult r = Clearing.eisenbergNoe(net, ExternalLiabilities.PARI_PASSU);
    assertTrue(
        r.defaultSet().size() > Clearing.DENSE_SOLVE_LIMIT,
        "the sparse sweeps must run: " + r.defaultSet().size() + " defaults");
    // p*_i = min(p̄_i, max(0, e_i + Σ_j Π[j][i] p*_j)) for every node, to 1e-9 of the largest
    // obligation.
    double[] p = r.payments();
    double[] pbar = r.obligations();
    double[] received = new double[n];
    for (ExposureNetwork.Liability l : net.liabilities()) {
      received[l.to()] += l.amount() / pbar[l.from()] * p[l.from()];
    }
    double scale = 0;
    for (double x : pbar) {
      scale = Math.max(scale, x);
    }
    for (int i = 0; i < n; i++) {
      double phi =
          Math.min(pbar[i], Math.max(0, net.banks().get(i).externalAssets() + received[i]));
      assertEquals(phi, p[i], 1e-9 * scale, "node " + i);
      assertEquals(r.defaulted(i), p[i] < pbar[i], "node " + i);
    }
  }
}
