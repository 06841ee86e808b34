package org.marginfall.agents.depositor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The run trigger, the cash-limited redemption and the secondary-market discount on hand numbers.
 */
class RunRuleTest {

  @Test
  void test_trigger_utilisationAtOrAboveThreshold() {
    // 0.85 >= 0.85 runs; 0.8499 does not; the value trigger is off (NaN).
    assertEquals(RunRule.Reason.UTILISATION, RunRule.trigger(0.85, 0.0, 0.85, Double.NaN));
    assertNull(RunRule.trigger(0.8499, 0.0, 0.85, Double.NaN));
  }

  @Test
  void test_trigger_valueDropAtOrAboveThreshold() {
    // Exchange rate 1.00 -> 0.98 at an unmoved secondary market: drop = 1 - 0.98 / 1.00 = 0.02.
    double drop = RunRule.drop(RunRule.value(0.98, 1.0), RunRule.value(1.0, 1.0));
    assertEquals(0.02, drop, 1e-12);
    assertEquals(RunRule.Reason.VALUE, RunRule.trigger(0.5, drop, Double.NaN, 0.02));
    assertNull(RunRule.trigger(0.5, drop, Double.NaN, 0.025));
    // Both triggers on and both reached: utilisation is reported.
    assertEquals(RunRule.Reason.UTILISATION, RunRule.trigger(0.9, drop, 0.9, 0.01));
  }

  @Test
  void test_value_isReceiptPriceOverUnderlyingPrice() {
    // An aETH at rate 1.02 with ETH at 2,000 and its secondary market 3% below NAV:
    // price = 1.02 x 2,000 x 0.97 = 1,978.8, value = 1,978.8 / 2,000 = 0.9894 ETH per receipt,
    // drop from 1.02 = 1 - 0.9894 / 1.02 = 0.03 (an ETH price move alone would not change it).
    double value = RunRule.value(1_978.8, 2_000);
    assertEquals(0.9894, value, 1e-12);
    assertEquals(0.03, RunRule.drop(value, 1.02), 1e-12);
  }

  @Test
  void test_redeemable_limitedByCash() {
    // 1,000 receipt atoms at rate 1.25 would pay 1,250 atoms; the cash of 1,000 pays floor(1,000 /
    // 1.25) = 800 receipts for exactly 1,000 atoms.
    assertEquals(800, RunRule.redeemable(1_000, 1_000, 1.25));
    // Enough cash: all of it.
    assertEquals(1_000, RunRule.redeemable(1_000, 5_000, 1.25));
    // Rate 0.3: floor(2 / 0.3) = 6 receipts pay floor(1.8) = 1 atom <= 2.
    assertEquals(6, RunRule.redeemable(10, 2, 0.3));
    // A payout of nothing is not a redemption: 3 receipts at 0.3 would pay floor(0.9) = 0.
    assertEquals(0, RunRule.redeemable(3, 100, 0.3));
    assertEquals(0, RunRule.redeemable(1_000, 0, 1.0));
  }

  @Test
  void test_discount_toNav() {
    // Receipt at 0.95 against rate 0.99 x underlying 1: discount = 1 - 0.95 / 0.99 = 0.040404...
    assertEquals(1 - 0.95 / 0.99, RunRule.discount(0.95, 0.99, 1.0), 1e-15);
    assertEquals(0.0, RunRule.discount(2_000, 1.0, 2_000), 1e-15);
  }
}
