package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LendingVenue;

/** The read-only accessors depositors decide on: utilisation and available liquidity. */
class LendingPoolLiquidityTest {

  private final LendingHarness h = new LendingHarness(2_000, 50_000);

  @Test
  void test_utilisationAndAvailableLiquidity_followSupplyBorrowAndWithdrawal() {
    LendingVenue v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    assertEquals(0.0, v.utilisation(USD));
    assertEquals(Precision.MICRO.atoms(100_000), v.availableLiquidity(USD));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    v.borrow(account, USD, Precision.MICRO.atoms(16_000), owner);
    // U = 16,000 / (84,000 + 16,000) = 0.16; the cash is 84,000.
    assertEquals(0.16, v.utilisation(USD), 1e-15);
    assertEquals(Precision.MICRO.atoms(84_000), v.availableLiquidity(USD));
    // The ETH reserve lends nothing: U = 0, its cash is the 10 ETH of collateral.
    assertEquals(0.0, v.utilisation(ETH));
    assertEquals(Precision.MICRO.atoms(10), v.availableLiquidity(ETH));
    // Redeeming 84,000 receipts (rate 1) empties the cash: U = 16,000 / 16,000 = 1.
    v.withdraw(lender, USD, Precision.MICRO.atoms(84_000));
    assertEquals(1.0, v.utilisation(USD), 1e-15);
    assertEquals(0, v.availableLiquidity(USD));
  }
}
