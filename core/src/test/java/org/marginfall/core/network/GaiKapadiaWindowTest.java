package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaiKapadiaWindowTest {

  @Test
  void test_maxVulnerableDegree_strictRuleAtTheTie() {
    // Interbank 20, capital 4: one failed debtor of j costs 20 / j, which exceeds 4 for j <= 4 only
    // (j = 5 costs exactly the capital and leaves the bank standing).
    assertEquals(4, GaiKapadiaWindow.maxVulnerableDegree(20, 4));
    assertEquals(5, GaiKapadiaWindow.maxVulnerableDegree(20, 3.999));
    assertEquals(6, GaiKapadiaWindow.maxVulnerableDegree(20, 20 / 6.5));
  }

  @Test
  void test_poissonCdf_handValues() {
    assertEquals(3 * Math.exp(-2), GaiKapadiaWindow.poissonCdf(2, 1), 1e-15);
    assertEquals(Math.exp(-3) * (1 + 3 + 4.5 + 4.5), GaiKapadiaWindow.poissonCdf(3, 3), 1e-15);
    assertEquals(0.0, GaiKapadiaWindow.poissonCdf(3, -1));
  }

  @Test
  void test_window_rootsOfTheCascadeCondition() {
    double[] w = GaiKapadiaWindow.window(4);
    assertEquals(2, w.length);
    for (double z : w) {
      assertEquals(1.0, GaiKapadiaWindow.cascadeCondition(z, 4), 1e-9);
    }
    assertTrue(w[0] > 1 && w[0] < 1.1, "lower edge " + w[0]);
    assertTrue(w[1] > 5.5 && w[1] < 6, "upper edge " + w[1]);
    assertTrue(GaiKapadiaWindow.cascadeCondition((w[0] + w[1]) / 2, 4) > 1);
    // A bank that no single failure can topple (jMax = 0) gives no window.
    assertEquals(0, GaiKapadiaWindow.window(0).length);
  }

  @Test
  void test_contagionProbability_zeroOutsideTheWindowPositiveInside() {
    double[] w = GaiKapadiaWindow.window(4);
    assertEquals(0.0, GaiKapadiaWindow.contagionProbability(0.5, 4), 1e-6);
    assertEquals(0.0, GaiKapadiaWindow.contagionProbability(w[1] + 0.5, 4), 1e-6);
    double p3 = GaiKapadiaWindow.contagionProbability(3, 4);
    assertTrue(p3 > 0.7 && p3 < 0.85, "P(3) = " + p3);
    // u is a fixed point: u = 1 - q + q e^(z (u - 1)) with P = 1 - e^(z (u - 1)).
    double q = GaiKapadiaWindow.poissonCdf(3, 3);
    double u = 1 + Math.log(1 - p3) / 3;
    assertEquals(u, 1 - q + q * Math.exp(3 * (u - 1)), 1e-12);
  }
}
