package org.marginfall.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link ImpactModel.Linear} by hand: price moves by F^2 q / depth per unit, proceeds at the
 * average price.
 */
class LinearImpactTest {

  private static final ImpactModel LINEAR = new ImpactModel.Linear(100);

  @Test
  void test_sale_movesPriceLinearlyAndFillsAtTheAveragePrice() {
    // F = 1, depth 100: k = 0.01 per unit; 10 units sold from 1 end at 0.9 and fetch 10 * 0.95.
    Execution first = LINEAR.execute(1.0, 1.0, -10);
    assertEquals(0.9, first.priceAfter(), 1e-15);
    assertEquals(9.5, first.value(), 1e-12);
    // A second sale moves the price by the same amount: returns add up, -0.2 = -(10 + 10) / 100.
    Execution second = LINEAR.execute(first.priceAfter(), 1.0, -10);
    assertEquals(0.8, second.priceAfter(), 1e-15);
    // With F = 2 the same 10 units are notional 20 at the fundamental: the price falls by 2 * 20 /
    // 100.
    assertEquals(1.6, LINEAR.execute(2.0, 2.0, -10).priceAfter(), 1e-15);
  }

  @Test
  void test_buy_andTheFloor() {
    Execution buy = LINEAR.execute(1.0, 1.0, 10);
    assertEquals(1.1, buy.priceAfter(), 1e-15);
    assertEquals(10.5, buy.value(), 1e-12);
    // 200 units from 1: the book runs to the floor 1e-9 after (1 - 1e-9) / 0.01 units; the rest
    // fills there.
    Execution all = LINEAR.execute(1.0, 1.0, -200);
    double room = (1 - 1e-9) / 0.01;
    assertEquals(1e-9, all.priceAfter(), 1e-21);
    assertEquals(room * (1 + 1e-9) / 2 + (200 - room) * 1e-9, all.value(), 1e-9);
  }

  @Test
  void test_depthFactor_scalesTheDepth() {
    assertEquals(new ImpactModel.Linear(50), LINEAR.withDepthFactor(0.5));
  }
}
