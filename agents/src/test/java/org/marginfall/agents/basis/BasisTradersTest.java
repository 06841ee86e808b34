package org.marginfall.agents.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * The basis trader's rule on a constructed state. ETH is at 2,000 on both venues; the lending venue
 * has LTV 0.75 and liquidation threshold 0.8; the perp venue IMF 0.15 and MMF 0.1. Thresholds: top
 * up below perp health 1.8 to 2.0, unwind below perp health 1.2 or lending health factor 1.4.
 */
class BasisTradersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AETH = AssetId.of("aETH");
  private static final AccountId RESERVE = AccountId.of("basis", "0000", "reserve");
  private static final AccountId LOAN = AccountId.of("lend", "accounts", "basis", "0000");
  private static final AccountId MARGIN = AccountId.of("perp", "accounts", "basis", "0000");

  private record Setup(
      FakeAgentContext ctx,
      FakeCollateralLending lending,
      FakePerpetualVenue perp,
      BasisTraders traders) {
    double usd(AccountId a) {
      return Precision.MICRO.units(ctx.ledger().balance(a, USD));
    }
  }

  private static Setup setUp(AssetId marginAsset, double margin, double borrowLtv, double reserve) {
    return setUp(marginAsset, margin, borrowLtv, reserve, false);
  }

  private static Setup setUp(
      AssetId marginAsset, double margin, double borrowLtv, double reserve, boolean borrowToTopUp) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH, AETH));
    FakeCollateralLending lending =
        ctx.addVenue(
            new FakeCollateralLending(ctx.ledger(), USD, ETH, AETH, 2000, 0.75, 0.8, 1_000_000));
    FakePerpetualVenue perp =
        ctx.addVenue(
            new FakePerpetualVenue("perp", false, ctx.ledger(), USD)
                .market(ETH, 2000, 0.15, 0.1)
                .collateral(ETH, 0.0));
    BasisTradersSpec spec =
        new BasisTradersSpec(
            "basis",
            VenueId.of("lend"),
            VenueId.of("perp"),
            ETH,
            1,
            new Distribution.Constant(10),
            marginAsset,
            new Distribution.Constant(margin),
            borrowLtv,
            new Distribution.Constant(reserve),
            1.8,
            2.0,
            borrowToTopUp,
            1.2,
            1.4);
    BasisTraders t = (BasisTraders) spec.resolve(new RandomStreams(5, 0));
    t.setUp(ctx);
    // Equal notional: 10 ETH * 2,000 / 2,000 = 10 ETH short.
    assertEquals(-10, perp.size(MARGIN, ETH), 1e-9);
    return new Setup(ctx, lending, perp, t);
  }

  @Test
  void test_trade_haircutChangeTopsUpThenLendingHealthUnwinds() {
    // 2 ETH of perp margin (no haircut yet), 50% of the 20,000 collateral borrowed: 10,000 USD
    // reserve.
    Setup s = setUp(ETH, 2, 0.5, 0);
    assertEquals(10_000, s.usd(RESERVE), 1e-6);
    // Perp equity 2 * 2,000 = 4,000 over MMR 10 * 2,000 * 0.1 = 2,000: health 2.0; lending HF
    // 20,000 * 0.8 / 10,000 = 1.6. Nothing to do.
    s.traders().trade(s.ctx());
    assertEquals(0, s.traders().topUps());

    // The perp venue raises the ETH haircut to 20%: equity 3,200, health 1.6 < 1.8, so the trader
    // tops up 2.0 * 2,000 - 3,200 = 800 USD from its reserve and stays (HF 1.6 >= 1.4).
    s.perp().collateral(ETH, 0.20);
    s.traders().trade(s.ctx());
    assertEquals(1, s.traders().topUps());
    assertEquals(800, s.usd(MARGIN), 1e-6);
    assertEquals(9_200, s.usd(RESERVE), 1e-6);
    assertEquals(2.0, s.perp().marginState(MARGIN).health(), 1e-12);
    assertEquals(0, s.traders().unwinds());

    // ETH falls to 1,700: the short gains, perp equity 2,720 + 800 + 3,000 = 6,520 over MMR 1,700
    // (no top-up), but HF = 17,000 * 0.8 / 10,000 = 1.36 < 1.4: unwind. The short closes at the
    // mark
    // (+3,000) and the reserve's 9,200 USD repays debt, leaving 800 owed.
    s.perp().setMark(ETH, 1700);
    s.lending().setPrice(1700);
    s.traders().trade(s.ctx());
    assertEquals(1, s.traders().unwinds());
    assertEquals(
        List.of(new FakePerpetualVenue.Reduction(MARGIN, ETH, -10)), s.perp().reductions());
    assertEquals(800 + 3000, s.usd(MARGIN), 1e-6);
    assertEquals(800, s.lending().debt(LOAN, USD), 1e-6);
    assertEquals(0, s.usd(RESERVE), 0);

    // An unwound trader does nothing more.
    s.perp().setMark(ETH, 1000);
    s.traders().trade(s.ctx());
    assertEquals(1, s.perp().reductions().size());
    assertEquals(List.of(), s.ctx().ledger().audit());
  }

  @Test
  void test_trade_exhaustedReserveUnwindsOnPerpHealth() {
    // 4,000 USD of margin, no borrowing, 500 USD of reserve.
    Setup s = setUp(USD, 4000, 0, 500);
    // ETH rises to 2,300: equity 4,000 - 10 * 300 = 1,000 over MMR 2,300 (health 0.43). The top-up
    // needs 2 * 2,300 - 1,000 = 3,600 but the reserve has 500: health 1,500 / 2,300 = 0.65 < 1.2,
    // so the trader buys back the short at a loss of 3,000, leaving 4,500 - 3,000 = 1,500 USD.
    s.perp().setMark(ETH, 2300);
    s.lending().setPrice(2300);
    s.traders().trade(s.ctx());
    assertEquals(1, s.traders().topUps());
    assertEquals(1, s.traders().unwinds());
    assertEquals(1_500, s.usd(MARGIN), 1e-6);
    assertEquals(0, s.perp().size(MARGIN, ETH), 0);
  }

  @Test
  void test_trade_borrowsTheTopUpWithinTheLoanToValue() {
    // 4,000 USD of margin, no reserve, borrowing allowed.
    Setup s = setUp(USD, 4000, 0, 0, true);
    // ETH rises to 2,200: equity 4,000 - 10 * 200 = 2,000 over MMR 2,200 (health 0.91). The top-up
    // 2 * 2,200 - 2,000 = 2,400 is borrowed (room 10 * 2,200 * 0.75 = 16,500) and deposited: health
    // 2.0, and HF = 22,000 * 0.8 / 2,400 = 7.33, so the trader stays.
    s.perp().setMark(ETH, 2200);
    s.lending().setPrice(2200);
    s.traders().trade(s.ctx());
    assertEquals(2_400, s.lending().debt(LOAN, USD), 1e-6);
    assertEquals(6_400, s.usd(MARGIN), 1e-6);
    assertEquals(0, s.traders().unwinds());
    assertEquals(2.0, s.perp().marginState(MARGIN).health(), 1e-9);
  }

  @Test
  void test_spec_unwindThresholdMustSitBelowTheTopUpBuffer() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BasisTradersSpec(
                "basis",
                VenueId.of("lend"),
                VenueId.of("perp"),
                ETH,
                1,
                new Distribution.Constant(10),
                USD,
                new Distribution.Constant(1),
                0,
                new Distribution.Constant(0),
                1.5,
                2.0,
                false,
                1.5,
                1.1));
  }
}
