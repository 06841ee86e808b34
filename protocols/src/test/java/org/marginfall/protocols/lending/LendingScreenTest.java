package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;

/**
 * Liquidation rounds on the lending venue mark only what the screen lists: a borrower whose factors
 * (prices, exchange rates, borrow indices) moved less than its allowance keeps its last full mark's
 * health factor, and the list is exact at the hand-computed liquidation price. Allowance:
 * LiquidationScreenTest.
 */
class LendingScreenTest {

  private final LendingHarness h = new LendingHarness(2_000, 50_000);

  @Test
  void test_borrower_skippedWithinAllowanceListedAtItsLiquidationPrice() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    v.borrow(account, USD, Precision.MICRO.atoms(16_000), owner);
    v.markToMarket();
    // HF = 10 × 2,000 × 0.86 / 16,000 = 1.075; allowance 1.19%.
    assertArrayEquals(new double[] {1.075}, v.healthValues(), 1e-12);
    h.setPrice(ETH, 1_977);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {1.075}, v.healthValues(), 1e-12);
    // 1.2% down: marked again, 10 × 1,976 × 0.86 / 16,000 = 1.06210.
    h.setPrice(ETH, 1_976);
    v.markLiquidationCandidates();
    assertArrayEquals(new double[] {1.0621}, v.healthValues(), 1e-12);
    // HF = 1 at 16,000 / 8.6 = 1,860.47.
    h.setPrice(ETH, 1_861);
    v.markLiquidationCandidates();
    assertEquals(List.of(), v.liquidatable());
    h.setPrice(ETH, 1_860);
    v.markLiquidationCandidates();
    assertEquals(1, v.liquidatable().size());
    assertEquals(account, v.liquidatable().get(0).account());
    assertEquals(10 * 1_860 * 0.86 / 16_000, v.liquidatable().get(0).state().health(), 1e-12);
  }

  @Test
  void test_borrowing_more_marksTheBorrowerAgainWithoutAnyPriceMove() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    v.borrow(account, USD, Precision.MICRO.atoms(16_000), owner);
    v.markToMarket();
    v.borrow(account, USD, Precision.MICRO.atoms(400), owner);
    v.markLiquidationCandidates();
    // 17,200 / 16,400 = 1.04878.
    assertArrayEquals(new double[] {17_200 / 16_400.0}, v.healthValues(), 1e-12);
  }
}
