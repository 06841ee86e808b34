package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginfall.protocols.lending.LendingHarness.AETH;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;

/**
 * {@link LendingPool#withdrawCollateral}: receipts leave the account while HF stays >= 1 (Aave
 * ValidationLogic.validateHFAndLtv); one atom more is refused and moves nothing. ETH: LTV 0.825, LT
 * 0.86, price 2000 (terms of {@link LendingHarness}).
 */
class LendingPoolWithdrawCollateralTest {

  private final LendingHarness h = new LendingHarness(2_000, 50_000);

  @Test
  void test_withdrawCollateral_downToHealthFactorOneThenOneAtomMoreRefused() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    // Power 10 × 2000 × 0.825 = 16,500 >= 16,340. HF = 10 × 2000 × 0.86 / 16,340 = 17,200 / 16,340.
    v.borrow(account, USD, Precision.MICRO.atoms(16_340), owner);
    assertEquals(17_200.0 / 16_340, v.healthFactor(account), 1e-15);
    // Withdrawing 0.5 aETH removes 0.5 × 2000 × 0.86 = 860: HF = 16,340 / 16,340 = 1, allowed;
    // one receipt atom more leaves HF = (16,340 − 0.00172) / 16,340 < 1.
    long[][] before = h.balances();
    assertThrows(
        IllegalStateException.class,
        () -> v.withdrawCollateral(account, ETH, Precision.MICRO.atoms(0.5) + 1, owner));
    assertArrayEquals(before, h.balances());
    v.withdrawCollateral(account, ETH, Precision.MICRO.atoms(0.5), owner);
    assertEquals(1.0, v.healthFactor(account), 1e-15);
    assertEquals(9.5, h.ledger.units(account, AETH), 0);
    assertEquals(0.5, h.ledger.units(owner, AETH), 0);
    h.assertBooksBalance(v);
    // At HF = 1 not even one atom is free.
    long[][] atOne = h.balances();
    assertThrows(IllegalStateException.class, () -> v.withdrawCollateral(account, ETH, 1, owner));
    assertArrayEquals(atOne, h.balances());
    h.assertBooksBalance(v);
  }

  @Test
  void test_withdrawCollateral_withoutDebtTakesAllButNotMoreThanHeld() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId owner = h.fund("saver", 0, 2);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(2));
    long[][] before = h.balances();
    assertThrows(
        IllegalStateException.class,
        () -> v.withdrawCollateral(account, ETH, Precision.MICRO.atoms(2) + 1, owner));
    assertArrayEquals(before, h.balances());
    assertThrows(
        IllegalArgumentException.class, () -> v.withdrawCollateral(account, ETH, 0, owner));
    v.withdrawCollateral(account, ETH, Precision.MICRO.atoms(2), owner);
    assertEquals(2, h.ledger.units(owner, AETH), 0);
    assertEquals(0, h.ledger.balance(account, AETH));
    h.assertBooksBalance(v);
  }
}
