package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.lending.LendingHarness.AETH;
import static org.marginfall.protocols.lending.LendingHarness.AUSD;
import static org.marginfall.protocols.lending.LendingHarness.BTC;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.oracle.StalenessGuard;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The lending venue on hand-computed examples: interest accrual into the receipt's exchange rate, a
 * liquidation that takes all collateral and burns the rest of the debt (v3.3), socialised on the
 * receipt's NAV or recorded as a deficit, treasury coverage, a debt asset bought in the market for
 * the liquidator, and refusals that move nothing. Terms are those of {@link LendingHarness}.
 */
class LendingPoolTest {

  private final LendingHarness h = new LendingHarness(2_000, 50_000);

  /** A lender with 100,000 USD supplied, and a borrower with 10 ETH borrowing 16,000 USD. */
  private AccountId borrowerAt2000(LendingPool v) {
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    // Borrowing power 10 × 2000 × 0.825 = 16,500 >= 16,000.
    v.borrow(account, USD, Precision.MICRO.atoms(16_000), owner);
    return account;
  }

  @Test
  void test_settle_accruesKinkedInterestIntoExchangeRate() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId lender = h.fund("lender", 1_000_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(1_000_000));
    AccountId owner = h.fund("borrower", 0, 1_000);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(1_000));
    v.borrow(account, USD, Precision.MICRO.atoms(450_000), owner);
    // u = 450,000 / (550,000 + 450,000) = 0.45; borrow rate 0.04 × 0.45 / 0.9 = 0.02.
    assertEquals(0.45, v.utilisation(USD), 1e-15);
    v.settle();
    // One day: growth 1 + 5.47945205e-5 + 1.5012e-9, so the debt gains
    // ΔD = 450,000 × 5.47960217e-5 = 24.6582098.
    double dD = 24.6582098;
    assertEquals(450_000 + dD, v.debt(account, USD), 1e-6);
    // Suppliers keep (1 − RF) of it: rate = 1 + 0.9 × 24.6582098 / 1,000,000 = 1.0000221924, the
    // linear liquidity index 1 + 0.0081 / 365 = 1.0000221918 up to the in-step compounding.
    assertEquals(1.0000221924, v.exchangeRate(USD), 1e-10);
    assertEquals(1 + 0.0081 / 365, v.exchangeRate(USD), 1e-9);
    // The receipt's NAV is the underlying price (1) × the rate; aETH is unborrowed and stays 2000.
    assertEquals(v.exchangeRate(USD), h.markets.price(AUSD), 0);
    assertEquals(2_000, h.markets.price(AETH), 0);
    // The treasury was minted receipts worth RF × ΔD = 2.46582.
    assertEquals(0.1 * dD, h.ledger.units(v.treasury(), AUSD) * v.exchangeRate(USD), 2e-6);
    assertEquals(0.1 * dD, v.snapshot().insuranceFund(), 2e-6);
    h.assertBooksBalance(v);
  }

  @Test
  void test_healthValues_healthFactorOfEveryBorrowerWithDebt() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    borrowerAt2000(v);
    h.setPrice(ETH, 1_600);
    v.markToMarket();
    // The borrower: HF = 10 × 1600 × 0.86 / 16,000 = 0.86. The lender has no debt (infinite HF):
    // left out.
    double[] health = v.healthValues();
    assertEquals(1, health.length);
    assertEquals(0.86, health[0], 1e-12);
    // Into a caller's buffer one longer than the capacity: the one value at its front, the rest
    // left as it was.
    double[] buffer = new double[v.healthCapacity() + 1];
    java.util.Arrays.fill(buffer, -7);
    assertEquals(1, v.healthValues(buffer));
    assertEquals(0.86, buffer[0], 1e-12);
    assertEquals(-7, buffer[buffer.length - 1]);
  }

  @Test
  void test_liquidate_takesAllCollateralAndSocializesBadDebtOnReceiptNav() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId account = borrowerAt2000(v);
    AccountId liquidator = h.fund("liquidator", 20_000, 0);
    h.setPrice(ETH, 1_600);
    v.markToMarket();
    // HF = 10 × 1600 × 0.86 / 16,000 = 0.86 <= 0.95: close factor 100%.
    assertEquals(0.86, v.healthFactor(account), 1e-12);
    assertEquals(1, v.liquidatable().size());
    LiquidationOutcome o = v.liquidate(account, liquidator).orElseThrow();
    // 16,000 / 1600 × 1.052 = 10.52 ETH > 10: all 10 ETH; debt = 10 × 1600 / 1.052 =
    // 15,209.1254753,
    // paid as 15,209.125476 (rounded up to the atom). Fee = (10 − 10 / 1.052) × 0.1 = 0.0494297 ETH
    // (49,429 receipt atoms to the treasury); the liquidator gets 9.950571 ETH.
    double repaid = 15_209.125476;
    assertEquals(repaid, o.closedNotional(), 1e-9);
    assertEquals(repaid, o.baseSpent(), 1e-9);
    assertEquals(List.of(new Holding(ETH, 9_950_571)), o.acquired());
    assertEquals(49_429, h.ledger.balance(v.treasury(), AETH));
    assertEquals(0, h.ledger.balance(account, AETH));
    assertEquals(20_000 - repaid, h.ledger.units(liquidator, USD), 1e-9);
    // The rest, 16,000 − 15,209.125476 = 790.874524, is burned; the treasury holds no aUSD, so
    // the USD suppliers lose it: rate = (84,000 + 15,209.125476) / 100,000 = 0.99209125476.
    assertEquals(0, v.debt(account, USD), 0);
    assertEquals(0.99209125476, v.exchangeRate(USD), 1e-11);
    assertEquals(0.99209125476, h.markets.price(AUSD), 1e-11);
    VenueSnapshot s = v.snapshot();
    assertEquals(790.874524, s.badDebt(), 1e-6);
    assertEquals(0, s.insurancePaid(), 0);
    assertEquals(1, s.liquidations());
    assertEquals(repaid, s.liquidatedNotional(), 1e-9);
    // Bonus value (10 − 10 / 1.052) × 1600 = 790.874525; the liquidator's part excludes the fee
    // 0.049429 × 1600 = 79.0864.
    assertEquals(790.874525, s.liquidationFees(), 1e-5);
    assertEquals(790.874525 - 79.0864, o.feeToLiquidator(), 1e-5);
    LoanLiquidation e = h.eventsOf(LoanLiquidation.class).get(0);
    assertEquals(0.86, e.healthFactor(), 1e-12);
    assertEquals(1.0, e.closeFactor(), 0);
    DebtBurned burned = h.eventsOf(DebtBurned.class).get(0);
    assertEquals(790.874524, burned.uncovered(), 1e-6);
    assertEquals("socialize", burned.mode());
    assertEquals(List.of(), v.liquidatable());
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_treasuryReceiptsCoverBadDebtBeforeSuppliers() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    h.ledger.transfer(Ledger.EXTERNAL, v.treasury(), USD, Precision.MICRO.atoms(500));
    v.supply(v.treasury(), USD, Precision.MICRO.atoms(500));
    AccountId account = borrowerAt2000(v);
    AccountId liquidator = h.fund("liquidator", 20_000, 0);
    h.setPrice(ETH, 1_600);
    v.liquidate(account, liquidator).orElseThrow();
    // The treasury's 500 aUSD (rate 1) cover 500 of the 790.874524; 290.874524 is socialised:
    // cash 100,500 − 16,000 + 15,209.125476 = 99,709.125476 over 100,000 receipts = 0.99709125476.
    assertEquals(0, h.ledger.balance(v.treasury(), AUSD));
    assertEquals(0.99709125476, v.exchangeRate(USD), 1e-11);
    VenueSnapshot s = v.snapshot();
    assertEquals(500, s.insurancePaid(), 1e-9);
    assertEquals(290.874524, s.badDebt(), 1e-6);
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_deficitModeKeepsNavAndTreasuryCoversLater() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.DEFICIT));
    AccountId account = borrowerAt2000(v);
    AccountId liquidator = h.fund("liquidator", 20_000, 0);
    h.setPrice(ETH, 1_600);
    v.liquidate(account, liquidator).orElseThrow();
    // Aave v3.3: the burned 790.874524 becomes the USD reserve's deficit; suppliers keep rate 1.
    assertEquals(790.874524, v.deficit(USD), 1e-6);
    assertEquals(1.0, v.exchangeRate(USD), 1e-12);
    assertEquals(790.874524, v.snapshot().badDebt(), 1e-6);
    h.assertBooksBalance(v);
    // The treasury later holds 500 aUSD; settlement burns them against the deficit.
    h.ledger.transfer(Ledger.EXTERNAL, v.treasury(), USD, Precision.MICRO.atoms(500));
    v.supply(v.treasury(), USD, Precision.MICRO.atoms(500));
    v.settle();
    assertEquals(290.874524, v.deficit(USD), 1e-6);
    assertEquals(1.0, v.exchangeRate(USD), 1e-12);
    assertEquals(500, v.snapshot().insurancePaid(), 1e-9);
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_buysNonBaseDebtForLiquidatorInMarket() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId ethLender = h.fund("eth-lender", 0, 100);
    v.supply(ethLender, ETH, Precision.MICRO.atoms(100));
    AccountId owner = h.fund("borrower", 100_000, 0);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, USD, Precision.MICRO.atoms(100_000));
    // Power 100,000 × 0.865 = 86,500 >= 40 × 2000 = 80,000.
    v.borrow(account, ETH, Precision.MICRO.atoms(40), owner);
    h.setPrice(ETH, 2_500);
    // HF = 100,000 × 0.885 / 100,000 = 0.885: 100%. 40 × 2500 × 1.048 = 104,800 > 100,000, so all
    // 100,000 USD go for 100,000 / 2500 / 1.048 = 38.1679389 ETH, bought for the liquidator at
    // 2500 (no impact) as 38.167939 ETH for 95,419.8475 USD. Fee (100,000 − 100,000 / 1.048) × 0.2
    // = 916.030534 USD; the liquidator receives 99,083.969466 USD.
    AccountId liquidator = h.fund("liquidator", 200_000, 0);
    LiquidationOutcome o = v.liquidate(account, liquidator).orElseThrow();
    assertEquals(95_419.8475, o.baseSpent(), 1e-9);
    assertEquals(List.of(), o.acquired());
    assertEquals(200_000 - 95_419.8475 + 99_083.969466, h.ledger.units(liquidator, USD), 1e-6);
    assertEquals(0, h.ledger.balance(liquidator, ETH));
    // 40 − 38.167939 = 1.832061 ETH burned and socialised on aETH: (60 + 38.167939) / 100.
    assertEquals(0.98167939, v.exchangeRate(ETH), 1e-9);
    assertEquals(1.832061 * 2_500, v.snapshot().badDebt(), 1e-6);
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_refusesBeforeMovingWhenLiquidatorCannotPayOrAccountHealthy() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId account = borrowerAt2000(v);
    AccountId poor = h.fund("poor", 1_000, 0);
    v.markToMarket();
    long[][] before = h.balances();
    assertTrue(v.liquidate(account, poor).isEmpty(), "healthy at 2000 (HF 1.075)");
    h.setPrice(ETH, 1_600);
    assertTrue(v.liquidate(account, poor).isEmpty(), "1,000 USD cannot repay 15,209");
    assertArrayEquals(before, h.balances());
    assertEquals(0, v.snapshot().liquidations());
  }

  @Test
  void test_borrow_refusesBeyondLoanToValueAndWithdrawBeyondCash() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId account = borrowerAt2000(v);
    AccountId owner = AccountId.of("borrower");
    // 16,000 borrowed of a 16,500 power: 501 more would exceed it.
    assertThrows(
        IllegalStateException.class,
        () -> v.borrow(account, USD, Precision.MICRO.atoms(501), owner));
    v.borrow(account, USD, Precision.MICRO.atoms(500), owner);
    // 83,500 USD remains in the reserve; the lender's 100,000 receipts cannot all be redeemed.
    AccountId lender = AccountId.of("lender");
    assertThrows(
        IllegalStateException.class, () -> v.withdraw(lender, USD, Precision.MICRO.atoms(100_000)));
    assertEquals(
        Precision.MICRO.atoms(83_500), v.withdraw(lender, USD, Precision.MICRO.atoms(83_500)));
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_refusesWhenLiquidatorCannotBuyTheDebtAsset() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId ethLender = h.fund("eth-lender", 0, 100);
    v.supply(ethLender, ETH, Precision.MICRO.atoms(100));
    AccountId owner = h.fund("borrower", 100_000, 0);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, USD, Precision.MICRO.atoms(100_000));
    v.borrow(account, ETH, Precision.MICRO.atoms(40), owner);
    h.setPrice(ETH, 2_500);
    // Buying 38.167939 ETH costs 95,419.85 USD; 50,000 is not enough. Nothing moves, not even
    // the ETH market.
    AccountId poor = h.fund("poor", 50_000, 0);
    long[][] before = h.balances();
    double priceBefore = h.markets.price(ETH);
    assertTrue(v.liquidate(account, poor).isEmpty());
    assertArrayEquals(before, h.balances());
    assertEquals(priceBefore, h.markets.price(ETH), 0);
  }

  @Test
  void test_supplyAndBorrow_refuseBeyondCaps() {
    ReserveTerms capped =
        new ReserveTerms(
            USD,
            AUSD,
            0.865,
            0.885,
            0.048,
            0.20,
            0.10,
            new InterestRateCurve(0, 0.04, 0.60, 0.90),
            150_000,
            10_000,
            true);
    LendingPool v =
        h.venue(
            new LendingVenueSpec(
                LendingHarness.VENUE,
                LendingHarness.ORACLE,
                List.of(capped, LendingHarness.ethTerms()),
                LendingHarness.DAY,
                BadDebtMode.SOCIALIZE,
                2_000,
                1_000));
    AccountId lender = h.fund("lender", 200_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    // 100,000 + 60,000 > the 150,000 supply cap.
    assertThrows(
        IllegalStateException.class, () -> v.supply(lender, USD, Precision.MICRO.atoms(60_000)));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    // 10,001 > the 10,000 borrow cap, though within the 16,500 LTV limit.
    assertThrows(
        IllegalStateException.class,
        () -> v.borrow(account, USD, Precision.MICRO.atoms(10_001), owner));
    v.borrow(account, USD, Precision.MICRO.atoms(10_000), owner);
    h.assertBooksBalance(v);
  }

  @Test
  void test_liquidate_pausedWhileAReserveFeedIsStale() {
    LendingVenueSpec base = LendingHarness.spec(BadDebtMode.SOCIALIZE);
    LendingPool v =
        h.venue(
            new LendingVenueSpec(
                base.id(),
                base.oracle(),
                base.reserves(),
                base.stepSeconds(),
                base.badDebt(),
                base.closeFactorThreshold(),
                base.minLeftover(),
                new StalenessGuard(10, StalenessGuard.Action.PAUSE)));
    AccountId account = borrowerAt2000(v);
    AccountId liquidator = h.fund("liquidator", 20_000, 0);
    h.setPrice(ETH, 1_600); // published at step 0: HF 0.86, liquidatable on fresh prices
    h.clock.step = 11; // every feed is now 11 ticks old, more than the 10 the pool accepts
    v.markToMarket();
    assertEquals(List.of(), v.liquidatable());
    assertFalse(v.liquidatesNow(account), "paused for every liquidator");
    assertTrue(v.liquidate(account, liquidator).isEmpty());
    assertEquals(1.0, v.snapshot().extras().get("stale_paused_steps"), 0); // counted once per step
    h.setPrice(ETH, 1_600); // both feeds publish again at step 11 (heartbeat 1)
    h.setPrice(BTC, 50_000);
    v.markToMarket();
    assertEquals(List.of(account), v.liquidatable().stream().map(c -> c.account()).toList());
    assertTrue(v.liquidatesNow(account));
    // A liquidator that cannot pay is refused, but the venue would liquidate for one that can.
    AccountId broke = h.fund("broke", 0, 0);
    assertTrue(v.liquidate(account, broke).isEmpty());
    assertTrue(v.liquidatesNow(account));
    assertTrue(v.liquidate(account, liquidator).isPresent());
  }
}
