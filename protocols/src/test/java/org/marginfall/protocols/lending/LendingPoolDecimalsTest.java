package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.lending.LendingHarness.AETH;
import static org.marginfall.protocols.lending.LendingHarness.AUSD;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The lending venue counts each asset at its own precision: the same scenario run on a ledger with
 * every asset at six decimals and on one where USD has 6, ETH 12, aUSD 8 and aETH 9 (so a receipt
 * is finer than its underlying for USD and coarser for ETH) gives the same results in units, to
 * within a relative 1e-9 or the atoms of the coarser count that the six-decimal run rounds away.
 */
class LendingPoolDecimalsTest {

  /** USD, ETH, BTC, aUSD, aETH, aBTC. */
  private static final List<Integer> MIXED = List.of(6, 12, 6, 8, 9, 6);

  /** One atom of the coarser count of ETH and aETH (both at six decimals in the first run). */
  private static final double ETH_ATOM = 1e-6;

  /** One atom of the coarser count of USD and aUSD. */
  private static final double USD_ATOM = 1e-6;

  /** What one coarse ETH atom is worth at the liquidation price, 1,500. */
  private static final double ETH_ATOM_VALUE = ETH_ATOM * 1_500;

  /**
   * The relative difference of the ETH exchange rate, and of what depends on it: each of the three
   * daily mints to the treasury is floored to a coarse atom of the 100 aETH outstanding.
   */
  private static final double RATE = 3 * ETH_ATOM / 100;

  /** One value of a run, in units, and how far the other run may put it beyond a relative 1e-9. */
  private record Figure(String name, double value, double atoms) {}

  /**
   * Lenders supply 100,000 USD and 100 ETH, the treasury 500 USD; one borrower draws 16,000 USD
   * against 10 ETH, one 16,000 USD against 12 ETH, one 20 ETH against 100,000 USD; three days of
   * interest; ETH falls from 2,000 to 1,500 so that the first is liquidated whole (its remaining
   * debt burned, the treasury's aUSD covering part, the rest a deficit) and the second by half; a
   * day later the treasury covers a little more of the deficit; then the lenders redeem receipts.
   */
  private static List<Figure> run(List<Integer> decimals) {
    LendingHarness h =
        decimals == null
            ? new LendingHarness(2_000, 50_000)
            : new LendingHarness(decimals, 2_000, 50_000);
    Precision usd = h.ledger.precision(USD);
    Precision eth = h.ledger.precision(ETH);
    Precision aUsd = h.ledger.precision(AUSD);
    Precision aEth = h.ledger.precision(AETH);
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.DEFICIT));
    List<Figure> out = new ArrayList<>();

    AccountId lender = h.fund("lender", 100_000, 0);
    out.add(new Figure("aUSD minted", aUsd.units(v.supply(lender, USD, h.atoms(USD, 100_000))), 0));
    AccountId ethLender = h.fund("eth-lender", 0, 100);
    out.add(new Figure("aETH minted", aEth.units(v.supply(ethLender, ETH, h.atoms(ETH, 100))), 0));
    h.ledger.transfer(Ledger.EXTERNAL, v.treasury(), USD, h.atoms(USD, 500));
    v.supply(v.treasury(), USD, h.atoms(USD, 500));
    AccountId whole = borrower(h, v, "whole", 10, 16_000);
    AccountId half = borrower(h, v, "half", 12, 16_000);
    AccountId ethOwner = h.fund("eth-borrower", 100_000, 0);
    AccountId ethBorrower = v.account(ethOwner);
    v.depositCollateral(ethOwner, ethBorrower, USD, h.atoms(USD, 100_000));
    v.borrow(ethBorrower, ETH, h.atoms(ETH, 20), ethOwner);

    for (int day = 1; day <= 3; day++) {
      h.clock.step = day;
      v.settle();
    }
    out.add(new Figure("USD rate", v.exchangeRate(USD), 0));
    out.add(new Figure("ETH rate", v.exchangeRate(ETH), RATE));
    out.add(new Figure("treasury aUSD", h.ledger.units(v.treasury(), AUSD), 3 * USD_ATOM));
    out.add(new Figure("treasury aETH", h.ledger.units(v.treasury(), AETH), 3 * ETH_ATOM));

    h.setPrice(ETH, 1_500);
    v.markToMarket();
    assertEquals(
        List.of(whole, half),
        v.liquidatable().stream().map(LiquidationCandidate::account).toList());
    out.add(new Figure("health whole", v.healthFactor(whole), RATE));
    out.add(new Figure("health half", v.healthFactor(half), RATE));
    out.add(
        new Figure(
            "reward whole", v.expectedLiquidatorReward(v.liquidatable().get(0)), ETH_ATOM_VALUE));
    AccountId liquidator = h.fund("liquidator", 100_000, 0);
    for (AccountId account : List.of(whole, half)) {
      String who = account.equals(whole) ? "whole" : "half";
      LiquidationOutcome o = v.liquidate(account, liquidator).orElseThrow();
      out.add(new Figure(who + " notional", o.closedNotional(), ETH_ATOM_VALUE));
      out.add(new Figure(who + " fee to liquidator", o.feeToLiquidator(), ETH_ATOM_VALUE));
      out.add(new Figure(who + " base spent", o.baseSpent(), ETH_ATOM_VALUE));
      assertEquals(ETH, o.acquired().get(0).asset());
      out.add(new Figure(who + " ETH acquired", eth.units(o.acquired().get(0).atoms()), ETH_ATOM));
    }
    for (LoanLiquidation e : h.eventsOf(LoanLiquidation.class)) {
      out.add(new Figure("debt repaid", e.debtRepaid(), ETH_ATOM_VALUE));
      out.add(new Figure("collateral seized", e.collateralSeized(), ETH_ATOM));
      out.add(new Figure("protocol fee", e.protocolFee(), ETH_ATOM));
      out.add(new Figure("bonus", e.bonusValue(), ETH_ATOM_VALUE));
      out.add(new Figure("close factor", e.closeFactor(), 0));
    }
    assertEquals(1, h.eventsOf(DebtBurned.class).size());
    DebtBurned burned = h.eventsOf(DebtBurned.class).get(0);
    out.add(new Figure("debt burned", burned.units(), ETH_ATOM_VALUE));
    out.add(new Figure("burn covered", burned.coveredByTreasury(), 3 * USD_ATOM));
    out.add(new Figure("burn uncovered", burned.uncovered(), ETH_ATOM_VALUE));
    out.add(new Figure("whole debt", v.debt(whole, USD), 0));
    out.add(new Figure("half debt", v.debt(half, USD), 0));
    out.add(new Figure("half aETH", h.ledger.units(half, AETH), ETH_ATOM));
    out.add(new Figure("deficit", v.deficit(USD), ETH_ATOM_VALUE));
    h.assertBooksBalance(v);

    h.clock.step = 4;
    v.settle();
    out.add(new Figure("deficit after cover", v.deficit(USD), ETH_ATOM_VALUE));
    VenueSnapshot s = v.snapshot();
    out.add(new Figure("bad debt", s.badDebt(), ETH_ATOM_VALUE));
    out.add(new Figure("insurance paid", s.insurancePaid(), 4 * USD_ATOM));
    out.add(new Figure("liquidated notional", s.liquidatedNotional(), ETH_ATOM_VALUE));
    out.add(new Figure("liquidation fees", s.liquidationFees(), 2 * ETH_ATOM_VALUE));
    out.add(new Figure("open interest", s.openInterest(), 0));
    // The treasury's aETH: four daily mints and two protocol fees, each floored to a coarse atom.
    out.add(new Figure("treasury value", s.insuranceFund(), 6 * ETH_ATOM_VALUE));
    h.assertBooksBalance(v);

    out.add(
        new Figure(
            "USD redeemed",
            usd.units(v.withdraw(lender, USD, h.ledger.balance(lender, AUSD) / 2)),
            USD_ATOM));
    out.add(
        new Figure(
            "ETH redeemed",
            eth.units(v.withdraw(ethLender, ETH, h.ledger.balance(ethLender, AETH) / 4)),
            ETH_ATOM));
    out.add(new Figure("liquidator USD", h.ledger.units(liquidator, USD), 2 * ETH_ATOM_VALUE));
    out.add(new Figure("liquidator ETH", h.ledger.units(liquidator, ETH), 2 * ETH_ATOM));
    h.assertBooksBalance(v);
    assertEquals(List.of(), h.ledger.audit());
    return out;
  }

  /** A borrower that deposits {@code eth} ETH and borrows {@code usd} USD. */
  private static AccountId borrower(
      LendingHarness h, LendingPool v, String owner, double eth, double usd) {
    AccountId id = h.fund(owner, 0, eth);
    AccountId account = v.account(id);
    v.depositCollateral(id, account, ETH, h.atoms(ETH, eth));
    v.borrow(account, USD, h.atoms(USD, usd), id);
    return account;
  }

  @Test
  void test_liquidation_sameUnitsWhenReceiptsAndUnderlyingHaveDifferentDecimals() {
    List<Figure> six = run(null);
    List<Figure> mixed = run(MIXED);
    assertEquals(
        six.stream().map(Figure::name).toList(), mixed.stream().map(Figure::name).toList());
    for (int i = 0; i < six.size(); i++) {
      Figure a = six.get(i);
      Figure b = mixed.get(i);
      double scale =
          a.name().endsWith("rate") || a.name().startsWith("health") ? Math.abs(a.value()) : 1;
      assertEquals(
          a.value(), b.value(), Math.max(1e-9 * Math.abs(a.value()), a.atoms() * scale), a.name());
    }
    // The mixed run really counts at other decimals: the same 10 ETH are 10^13 atoms, not 10^7.
    LendingHarness h = new LendingHarness(MIXED, 2_000, 50_000);
    assertEquals(10_000_000_000_000L, h.atoms(ETH, 10));
    assertEquals(1_000_000_000L, h.ledger.precision(AETH).atomsPerUnit());
    assertEquals(100_000_000L, h.ledger.precision(AUSD).atomsPerUnit());
  }
}
