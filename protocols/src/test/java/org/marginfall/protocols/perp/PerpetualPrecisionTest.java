package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.HLP;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The venue counts each asset at its own precision: the same deposits, withdrawal, trades and
 * liquidation (with a sale of ETH collateral to the liquidator) give the same results in units
 * whether the ledger counts USD and ETH at six decimals each or at different decimals, up to the
 * rounding of one atom of the coarser side, and the books balance in every case.
 */
class PerpetualPrecisionTest {

  private static final AccountId HOUSE_ACCOUNT = AccountId.of("perp", "house");
  private static final AccountId INSURANCE_ACCOUNT = AccountId.of("perp", "insurance");
  private static final double ETH0 = 2999.5;
  private static final double BTC0 = 60_000;

  /** Decimals of USD, ETH, BTC and HLP, in the order of {@link VenueHarness#ASSETS}. */
  private static final List<Integer> MICRO = VenueHarness.MICRO_DECIMALS;

  private static final List<Integer> FINE_ETH = List.of(6, 12, 6, 6);
  private static final List<Integer> CENTS_USD = List.of(2, 9, 8, 3);
  private static final List<Integer> FINE_USD = List.of(9, 4, 6, 6);

  private static PerpetualVenueSpec spec(Optional<BackstopTerms> backstop) {
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        MarginMode.CROSS,
        List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
        List.of(new CollateralTerms(ETH, 0.10)),
        0.01,
        0.5,
        600,
        1_000_000,
        LiquidationTerms.FULL,
        backstop,
        DeleveragingTerms.NONE,
        PricingTerms.DEFAULT);
  }

  /** What one run leaves, in units. */
  private record Result(
      double equityBeforeLiquidation,
      double realisedGain,
      double closedNotional,
      double feeToLiquidator,
      double baseSpent,
      double ethSold,
      double saleBase,
      double liquidatorUsd,
      double liquidatorEth,
      double accountUsd,
      double accountEth,
      double houseUsd,
      double insuranceUsd,
      double liquidationFees,
      double insurancePaid,
      double badDebt) {}

  /**
   * Alice deposits 1000 USD and 1.1 ETH, withdraws 0.1 ETH, goes long 0.4 BTC at 60,000, adds 0.1
   * BTC at 60,000.123456789, closes 0.1 BTC at 60,000.987654321 (a gain that is not a whole number
   * of atoms at any of the precisions), and BTC then falls to 53,000: her USD cannot pay the loss
   * and the fee, so part of her ETH is sold to the liquidator at the oracle price.
   */
  private static Result run(List<Integer> decimals) {
    VenueHarness h =
        new VenueHarness(decimals, ETH0, new ImpactModel.None(), BTC0, new ImpactModel.None());
    Precision usd = h.ledger.precision(USD);
    Precision eth = h.ledger.precision(ETH);
    PerpetualExchange venue = h.venue(spec(Optional.empty()));
    AccountId alice = h.fund("alice", 1000, 1.1);
    AccountId a = venue.marginAccount(alice, BTC);
    venue.deposit(alice, a, USD, usd.atoms(1000));
    venue.deposit(alice, a, ETH, eth.atoms(1.1));
    venue.withdraw(a, ETH, eth.atoms(0.1), alice);
    venue.open(a, BTC, 0.4);
    h.setPrice(BTC, 60_000.123456789);
    venue.open(a, BTC, 0.1);
    h.setPrice(BTC, 60_000.987654321);
    double usdBeforeReduce = h.ledger.units(a, USD);
    venue.open(a, BTC, -0.1);
    double gain = h.ledger.units(a, USD) - usdBeforeReduce;
    AccountId liquidator = h.fund("liquidator", 5000, 0);
    h.setPrice(BTC, 53_000);
    venue.markToMarket();
    double equity = venue.marginState(a).equity();
    assertTrue(venue.marginState(a).liquidatable(), "liquidatable at " + decimals);

    LiquidationOutcome out = venue.liquidate(a, liquidator).orElseThrow();

    assertEquals(1, out.acquired().size());
    Holding sold = out.acquired().get(0);
    assertEquals(ETH, sold.asset());
    CollateralSale sale = h.eventsOf(CollateralSale.class).get(0);
    assertEquals(
        eth.units(sold.atoms()), sale.units(), 0, "the sale event counts ETH at its precision");
    assertEquals(out.baseSpent(), sale.value(), 0, "the sale event counts USD at its precision");
    assertEquals(List.of(), h.ledger.audit(), "ledger audit at " + decimals);
    h.assertBooksBalance(venue);
    VenueSnapshot s = venue.snapshot();
    return new Result(
        equity,
        gain,
        out.closedNotional(),
        out.feeToLiquidator(),
        out.baseSpent(),
        eth.units(sold.atoms()),
        sale.value(),
        h.ledger.units(liquidator, USD),
        h.ledger.units(liquidator, ETH),
        h.ledger.units(a, USD),
        h.ledger.units(a, ETH),
        h.ledger.units(HOUSE_ACCOUNT, USD),
        h.ledger.units(INSURANCE_ACCOUNT, USD),
        s.liquidationFees(),
        s.insurancePaid(),
        s.badDebt());
  }

  /** One atom of {@code asset} at the coarser of the two precisions, in units. */
  private static double coarserAtom(List<Integer> x, List<Integer> y, int asset) {
    return Math.pow(10, -Math.min(x.get(asset), y.get(asset)));
  }

  private static void assertClose(double expected, double actual, double atom, String what) {
    double tolerance = Math.max(1e-9 * Math.abs(expected), atom);
    assertEquals(expected, actual, tolerance, what);
  }

  private static void assertAgree(List<Integer> decimals) {
    Result m = run(MICRO);
    Result r = run(decimals);
    double usdAtom = coarserAtom(MICRO, decimals, 0);
    double ethAtom = coarserAtom(MICRO, decimals, 1);
    // The realised gain, the realised loss and the fee each round to a USD atom, so the shortfall
    // the sale covers may differ by three; the ETH sold is rounded up to an ETH atom and its price
    // up to a USD atom: a USD amount that follows the sale may differ by the value of one coarser
    // ETH atom and a few USD atoms.
    double saleAtom = 5 * usdAtom + ethAtom * ETH0;
    double soldAtom = ethAtom + 3 * usdAtom / ETH0;
    String at = " at decimals " + decimals;
    assertClose(m.equityBeforeLiquidation(), r.equityBeforeLiquidation(), usdAtom, "equity" + at);
    assertClose(m.realisedGain(), r.realisedGain(), usdAtom, "realised gain" + at);
    assertClose(m.closedNotional(), r.closedNotional(), 0, "closed notional" + at);
    assertClose(m.feeToLiquidator(), r.feeToLiquidator(), usdAtom, "fee to liquidator" + at);
    assertClose(m.baseSpent(), r.baseSpent(), saleAtom, "base spent" + at);
    assertClose(m.ethSold(), r.ethSold(), soldAtom, "ETH sold" + at);
    assertClose(m.saleBase(), r.saleBase(), saleAtom, "sale value" + at);
    assertClose(m.liquidatorUsd(), r.liquidatorUsd(), saleAtom, "liquidator USD" + at);
    assertClose(m.liquidatorEth(), r.liquidatorEth(), soldAtom, "liquidator ETH" + at);
    assertClose(m.accountUsd(), r.accountUsd(), saleAtom, "account USD" + at);
    assertClose(m.accountEth(), r.accountEth(), soldAtom, "account ETH" + at);
    assertClose(m.houseUsd(), r.houseUsd(), 2 * usdAtom, "house USD" + at);
    assertClose(m.insuranceUsd(), r.insuranceUsd(), 2 * usdAtom, "insurance USD" + at);
    assertClose(m.liquidationFees(), r.liquidationFees(), usdAtom, "liquidation fees" + at);
    assertClose(m.insurancePaid(), r.insurancePaid(), usdAtom, "insurance paid" + at);
    assertClose(m.badDebt(), r.badDebt(), usdAtom, "bad debt" + at);
  }

  @Test
  void test_liquidation_sameInUnitsWhenEthIsCountedFinerThanUsd() {
    assertAgree(FINE_ETH);
  }

  @Test
  void test_liquidation_sameInUnitsWhenUsdIsCountedInCents() {
    assertAgree(CENTS_USD);
  }

  @Test
  void test_liquidation_sameInUnitsWhenUsdIsCountedFinerThanEth() {
    assertAgree(FINE_USD);
  }

  /**
   * USD in cents, ETH at nine decimals, by hand: the liquidator buys just enough ETH, rounded up to
   * a nano-ETH, to cover the shortfall in whole cents, and pays its value rounded up to a cent.
   */
  @Test
  void test_liquidation_collateralSaleCountsEachSideAtItsOwnPrecision() {
    Result r = run(CENTS_USD);
    // Entry after the add: (0.4 * 60,000 + 0.1 * 60,000.123456789) / 0.5 = 60,000.0246913578;
    // closing 0.1 at 60,000.987654321 gains 0.0962962963..., floored to 0.09 USD.
    assertEquals(0.09, r.realisedGain(), 1e-9);
    // Equity at 53,000: 1000.09 + 1 ETH * 2999.5 * 0.9 + 0.4 * (53,000 - 60,000.0246913578)
    // = 899.63012345688 < MMR 0.4 * 53,000 * 0.05 = 1060.
    assertEquals(899.63012345688, r.equityBeforeLiquidation(), 1e-6);
    // Closing 0.4 BTC at 53,000: loss 2800.00987654312, ceiled to 2800.01; notional 21,200, fee
    // 212 (remaining equity 1199.58 is ample), 106 to each side. Owed 2800.01 + 212 = 3012.01
    // against 1000.09 USD: shortfall 2011.92 USD.
    assertEquals(21_200, r.closedNotional(), 1e-9);
    assertEquals(106, r.feeToLiquidator(), 0);
    // ETH: 2011.92 / 2999.5 = 0.670751791965... ceiled to 0.670751792; its value
    // 0.670751792 * 2999.5 = 2011.920000104 ceiled to 2011.93.
    assertEquals(0.670751792, r.ethSold(), 0);
    assertEquals(2011.93, r.baseSpent(), 0);
    assertEquals(2011.93, r.saleBase(), 0);
    assertEquals(5000 - 2011.93 + 106, r.liquidatorUsd(), 1e-9);
    assertEquals(0.670751792, r.liquidatorEth(), 0);
    assertEquals(0.01, r.accountUsd(), 0);
    assertEquals(1 - 0.670751792, r.accountEth(), 1e-12);
    assertEquals(1_000_000 - 0.09 + 2800.01, r.houseUsd(), 1e-9);
    assertEquals(600 + 106, r.insuranceUsd(), 1e-9);
    assertEquals(212, r.liquidationFees(), 1e-9);
    assertEquals(0, r.insurancePaid(), 0);
    assertEquals(0, r.badDebt(), 0);
  }

  /**
   * A backstop vault whose shares are counted at three decimals while USD is in cents: the
   * depositors get one share per unit of capital (10,000 shares, 10^7 atoms of HLP against 10^6
   * atoms of USD), the NAV starts at 1 and the venue's audit of the shares issued is clean.
   */
  @Test
  void test_backstop_sharesAreCountedAtTheShareAssetsPrecision() {
    VenueHarness h =
        new VenueHarness(CENTS_USD, ETH0, new ImpactModel.None(), BTC0, new ImpactModel.None());
    PerpetualExchange venue =
        h.venue(spec(Optional.of(new BackstopTerms(HLP, 10_000, 2.0 / 3, 0.25))));
    assertEquals(10_000_000L, h.ledger.balance(AccountId.of("perp/backstop/depositors"), HLP));
    assertEquals(1_000_000L, h.ledger.balance(AccountId.of("perp/backstop"), USD));
    assertEquals(10_000, h.ledger.units(AccountId.of("perp/backstop/depositors"), HLP), 0);
    assertEquals(1.0, h.markets.price(HLP), 1e-12);
    h.assertBooksBalance(venue);
  }
}
