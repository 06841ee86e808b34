package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The three abaci.sol price curves at given times, computed by hand from their formulas. */
class AbacusTest {

  @Test
  void test_price_linearDecreaseFallsInProportionToTimeLeft() {
    Abacus a = new Abacus.LinearDecrease(600);
    // top 1000, tau 600 s: 1000 (600 - t) / 600.
    assertEquals(1000, a.price(1000, 0), 1e-12);
    assertEquals(750, a.price(1000, 150), 1e-12); // 1000 * 450 / 600
    assertEquals(100, a.price(1000, 540), 1e-12); // 1000 * 60 / 600
    assertEquals(0, a.price(1000, 600), 0); // reaches 0 at tau
    assertEquals(0, a.price(1000, 700), 0); // and stays there
  }

  @Test
  void test_price_stairstepDropsByCutAtEachWholeStep() {
    Abacus a = new Abacus.StairstepExponentialDecrease(90, 0.99);
    // top 2600: 2600 * 0.99^floor(t / 90).
    assertEquals(2600, a.price(2600, 89), 1e-9); // still the first stair
    assertEquals(2574, a.price(2600, 90), 1e-9); // 2600 * 0.99
    assertEquals(2548.26, a.price(2600, 180), 1e-9); // 2600 * 0.9801
    assertEquals(2522.7774, a.price(2600, 300), 1e-9); // floor(300/90) = 3: 2600 * 0.970299
  }

  @Test
  void test_price_exponentialDecreaseCompoundsEverySecond() {
    Abacus a = new Abacus.ExponentialDecrease(0.999);
    assertEquals(1000, a.price(1000, 0), 1e-12);
    assertEquals(999, a.price(1000, 1), 1e-9);
    assertEquals(998.001, a.price(1000, 2), 1e-9); // 1000 * 0.999^2
    // 0.999^1000 = exp(1000 ln 0.999) = exp(-1.000500334) = 0.3676954248
    assertEquals(367.6954248, a.price(1000, 1000), 1e-6);
  }

  @Test
  void test_constructor_rejectsCutOutsideUnitInterval() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Abacus.StairstepExponentialDecrease(90, 1.01));
    assertEquals("cut: must be in (0, 1], was 1.01", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Abacus.ExponentialDecrease(0));
    assertThrows(IllegalArgumentException.class, () -> new Abacus.LinearDecrease(0));
  }
}
