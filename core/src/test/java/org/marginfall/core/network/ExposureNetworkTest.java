package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import sim.field.network.Network;

/** The MASON graph adapter and the validation of {@link ExposureNetwork} and {@link Bank}. */
class ExposureNetworkTest {

  private static final List<Bank> BANKS =
      List.of(Bank.of("A", 1, 0), Bank.of("B", 2, 1), Bank.of("C", 3, 0));
  private static final double[][] L = {{0, 1.5, 0}, {0, 0, 2}, {0.25, 0, 0}};

  @Test
  void test_toMasonNetwork_edgesRunDebtorToCreditorWithAmounts() {
    Network g = ExposureNetwork.of(BANKS, L).toMasonNetwork();
    assertEquals(3, g.getAllNodes().numObjs);
    assertEquals(1.5, g.getEdge(BANKS.get(0), BANKS.get(1)).getWeight());
    assertEquals(2.0, g.getEdge(BANKS.get(1), BANKS.get(2)).getWeight());
    assertEquals(0.25, g.getEdge(BANKS.get(2), BANKS.get(0)).getWeight());
    assertEquals(null, g.getEdge(BANKS.get(1), BANKS.get(0)));
  }

  @Test
  void test_fromMasonNetwork_roundTripAndParallelEdgesAdd() {
    Network g = ExposureNetwork.of(BANKS, L).toMasonNetwork();
    g.addEdge(BANKS.get(0), BANKS.get(1), 0.5);
    ExposureNetwork back = ExposureNetwork.fromMasonNetwork(g);
    assertEquals(List.of("A", "B", "C"), back.ids());
    double[][] m = back.liabilityMatrix();
    assertArrayEquals(new double[] {0, 2.0, 0}, m[0]);
    assertArrayEquals(L[1], m[1]);
    assertArrayEquals(L[2], m[2]);
  }

  @Test
  void test_liabilityMatrix_isACopy() {
    ExposureNetwork n = ExposureNetwork.of(BANKS, L);
    n.liabilityMatrix()[0][1] = 99;
    n.toMasonNetwork().removeAllEdges();
    assertEquals(1.5, n.liability(0, 1));
  }

  @Test
  void test_of_rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExposureNetwork.of(BANKS, new double[][] {{0, -1, 0}, {0, 0, 0}, {0, 0, 0}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExposureNetwork.of(BANKS, new double[][] {{1, 0, 0}, {0, 0, 0}, {0, 0, 0}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExposureNetwork.of(BANKS, new double[][] {{0, 0}, {0, 0}}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ExposureNetwork.of(List.of(Bank.of("A", 0, 0), Bank.of("A", 1, 0)), new double[2][2]));
    assertThrows(IllegalArgumentException.class, () -> Bank.of(" ", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Bank.of("x", Double.NaN, 0));
    assertThrows(IllegalArgumentException.class, () -> new Bank("x", 0, 0, -1, 0));
  }
}
