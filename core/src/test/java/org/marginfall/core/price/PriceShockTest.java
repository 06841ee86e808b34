package org.marginfall.core.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

class PriceShockTest {

  private static final AssetId ETH = AssetId.of("ETH");

  @Test
  void test_factorAt_isTenthRootOfPoint7InsideWindowAndOneOutside() {
    PriceShock shock = new PriceShock(ETH, 20, 10, -0.30);
    // 0.7^(1/10) = e^(ln 0.7 / 10) = e^(-0.0356674944) = 0.9649610951198176
    assertEquals(0.9649610951198176, shock.factorAt(20), 1e-15);
    assertEquals(0.9649610951198176, shock.factorAt(29), 1e-15);
    assertEquals(1.0, shock.factorAt(19), 0.0);
    assertEquals(1.0, shock.factorAt(30), 0.0);
    assertEquals(1.0, shock.factorAt(0), 0.0);
  }

  @Test
  void test_factorAt_productOverWindowIsTheTotalChange() {
    PriceShock shock = new PriceShock(ETH, 20, 10, -0.30);
    double product = 1;
    for (long step = 1; step <= 40; step++) {
      product *= shock.factorAt(step);
    }
    assertEquals(0.7, product, 0.7 * 1e-12);
    // a one-step shock applies the whole change at once
    assertEquals(1.25, new PriceShock(ETH, 1, 1, 0.25).factorAt(1), 1e-15);
  }

  @Test
  void test_constructor_validationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PriceShock(ETH, 0, 10, -0.3));
    assertTrue(e.getMessage().startsWith("startStep:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PriceShock(ETH, 1, 0, -0.3));
    assertTrue(e.getMessage().startsWith("steps:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PriceShock(ETH, 1, 10, -1.0));
    assertTrue(e.getMessage().startsWith("change:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PriceShock(ETH, 1, 10, Double.NaN));
    assertTrue(e.getMessage().startsWith("change:"), e.getMessage());
  }
}
