package org.marginfall.agents.trader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * Decision rules of directional traders after set-up, on a constructed state: one trader, 10,000
 * USD at leverage 5, long 25 ETH at a mark of 2,000 on a cross venue with IMF 0.1 and MMF 0.05 (the
 * fake venue reduces at the mark without impact, so every number is hand-computable).
 */
class LeveragedTradersRiskTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId ACCOUNT = AccountId.of("perp", "accounts", "traders", "0000");
  private static final AccountId RESERVE = AccountId.of("traders", "0000", "reserve");

  private record Setup(FakeAgentContext ctx, FakePerpetualVenue venue, Population traders) {
    void markAndTrade(double mark) {
      venue.setMark(ETH, mark);
      traders.trade(ctx);
    }

    double usd(AccountId a) {
      return Precision.MICRO.units(ctx.ledger().balance(a, USD));
    }
  }

  private static Setup setUp(TraderRisk risk) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH));
    FakePerpetualVenue venue =
        ctx.addVenue(
            new FakePerpetualVenue("perp", false, ctx.ledger(), USD).market(ETH, 2000, 0.1, 0.05));
    LeveragedTradersSpec spec =
        new LeveragedTradersSpec(
            "traders",
            VenueId.of("perp"),
            List.of(new MarketWeight(ETH, 1)),
            1,
            USD,
            new Distribution.Constant(10_000),
            new Distribution.Constant(5),
            1.0,
            risk);
    Population p = spec.resolve(new RandomStreams(7, 0));
    p.setUp(ctx);
    assertEquals(25, venue.size(ACCOUNT, ETH), 1e-9);
    return new Setup(ctx, venue, p);
  }

  @Test
  void test_trade_stopLossClosesOnlyPastTheThreshold() {
    Setup s = setUp(new TraderRisk(0.10, 0, Optional.empty(), Optional.empty()));
    // 1,850 is a 7.5% adverse move: held.
    s.markAndTrade(1850);
    assertEquals(List.of(), s.venue().reductions());
    // 1,790 is a 10.5% adverse move: all 25 units close, realising 25 (1,790 - 2,000) = -5,250.
    s.markAndTrade(1790);
    assertEquals(
        List.of(new FakePerpetualVenue.Reduction(ACCOUNT, ETH, 25)), s.venue().reductions());
    assertEquals(10_000 - 5_250, s.usd(ACCOUNT), 1e-6);
    assertEquals(0, s.venue().size(ACCOUNT, ETH), 0);
    // Nothing is left to close.
    s.markAndTrade(1500);
    assertEquals(1, s.venue().reductions().size());
  }

  @Test
  void test_trade_takeProfitClosesAtTheFavourableMove() {
    Setup s = setUp(new TraderRisk(0.10, 0.20, Optional.empty(), Optional.empty()));
    s.markAndTrade(2399); // +19.95%: held
    assertEquals(0, s.venue().reductions().size());
    s.markAndTrade(2400); // +20%: closed with gain 25 * 400 = 10,000
    assertEquals(1, s.venue().reductions().size());
    assertEquals(20_000, s.usd(ACCOUNT), 1e-6);
  }

  @Test
  void test_trade_topUpRestoresTargetHealthUntilTheReserveRunsOut() {
    Setup s =
        setUp(
            new TraderRisk(
                0,
                0,
                Optional.of(new TopUp(new Distribution.Constant(3000), 1.5, 2.0)),
                Optional.empty()));
    assertEquals(3000, s.usd(RESERVE), 0);
    // 1,800: equity 10,000 - 25 * 200 = 5,000, MMR 25 * 1,800 * 0.05 = 2,250, health 2.22: nothing.
    s.markAndTrade(1800);
    assertEquals(3000, s.usd(RESERVE), 0);
    // 1,700: equity 2,500, MMR 2,125, health 1.18 < 1.5: top up 2 * 2,125 - 2,500 = 1,750.
    s.markAndTrade(1700);
    assertEquals(1250, s.usd(RESERVE), 1e-6);
    assertEquals(11_750, s.usd(ACCOUNT), 1e-6);
    assertEquals(2.0, s.venue().marginState(ACCOUNT).health(), 1e-9);
    // 1,650: equity 11,750 - 8,750 = 3,000, MMR 2,062.5, health 1.45: top up 4,125 - 3,000 = 1,125.
    s.markAndTrade(1650);
    assertEquals(125, s.usd(RESERVE), 1e-6);
    // 1,600: equity 12,875 - 10,000 = 2,875, MMR 2,000: needs 1,125 but only the last 125 is left.
    s.markAndTrade(1600);
    assertEquals(0, s.usd(RESERVE), 0);
    assertEquals(13_000, s.usd(ACCOUNT), 1e-6);
    assertTrue(s.ctx().ledger().audit().isEmpty());
  }

  @Test
  void test_trade_drawdownPanicCutsHalfInEveryStepItHolds() {
    Setup s =
        setUp(new TraderRisk(0, 0, Optional.empty(), Optional.of(new Panic(0.30, 0, 5, 0.5))));
    // Peak value 10,000. At 1,900 the value is 10,000 - 2,500 = 7,500: drawdown 25%, held.
    s.markAndTrade(1900);
    assertEquals(0, s.venue().reductions().size());
    // At 1,870 it is 10,000 - 3,250 = 6,750: drawdown 32.5%, cut 12.5 units, realising -1,625.
    s.markAndTrade(1870);
    assertEquals(
        new FakePerpetualVenue.Reduction(ACCOUNT, ETH, 12.5), s.venue().reductions().get(0));
    assertEquals(8_375, s.usd(ACCOUNT), 1e-6);
    // Still 6,750 (8,375 - 12.5 * 130): cut half of the 12.5 left.
    s.markAndTrade(1870);
    assertEquals(6.25, s.venue().size(ACCOUNT, ETH), 1e-9);
  }

  @Test
  void test_trade_herdingCountsLiquidationsWithinTheLookback() {
    Setup narrow =
        setUp(new TraderRisk(0, 0, Optional.empty(), Optional.of(new Panic(0, 3, 1, 1.0))));
    Setup wide =
        setUp(new TraderRisk(0, 0, Optional.empty(), Optional.of(new Panic(0, 3, 2, 1.0))));
    for (Setup s : List.of(narrow, wide)) {
      s.markAndTrade(2000); // cumulative 0
      s.venue().countLiquidations(2);
      s.markAndTrade(2000); // cumulative 2: 2 within either lookback
      assertEquals(0, s.venue().reductions().size());
      s.venue().countLiquidations(2);
      s.markAndTrade(2000); // cumulative 4: 4 - 2 = 2 over one step, 4 - 0 = 4 over two
    }
    assertEquals(0, narrow.venue().reductions().size());
    assertEquals(
        List.of(new FakePerpetualVenue.Reduction(ACCOUNT, ETH, 25)), wide.venue().reductions());
  }

  @Test
  void test_trade_withoutRiskRulesTradersHold() {
    Setup s = setUp(TraderRisk.NONE);
    s.markAndTrade(1000);
    assertEquals(0, s.venue().reductions().size());
    assertFalse(s.ctx().ledger().isOpen(RESERVE));
  }

  @Test
  void test_records_rejectInvalidThresholds() {
    assertThrows(IllegalArgumentException.class, () -> new Panic(0, 0, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new Panic(0.2, 0, 5, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new TopUp(new Distribution.Constant(1), 1.0, 2));
    assertThrows(
        IllegalArgumentException.class, () -> new TopUp(new Distribution.Constant(1), 1.5, 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TraderRisk(1.0, 0, Optional.empty(), Optional.empty()));
  }
}
