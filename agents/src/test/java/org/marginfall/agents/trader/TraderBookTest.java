package org.marginfall.agents.trader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
 * The columnar pass of {@link TraderBook} over many traders: every member is stepped, each account
 * is asked for its state once in a pass that moves nothing, and a state read before a cut is not
 * used after it. Each trader: 10,000 USD at leverage 5, long 25 ETH at a mark of 2,000 on a cross
 * venue with IMF 0.1 and MMF 0.05 (the fake venue reduces at the mark, without impact).
 */
class TraderBookTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  private record Setup(FakeAgentContext ctx, FakePerpetualVenue venue, Population traders) {
    double usd(AccountId a) {
      return Precision.MICRO.units(ctx.ledger().balance(a, USD));
    }
  }

  private static Setup setUp(int count, TraderRisk risk) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH));
    FakePerpetualVenue venue =
        ctx.addVenue(
            new FakePerpetualVenue("perp", false, ctx.ledger(), USD).market(ETH, 2000, 0.1, 0.05));
    LeveragedTradersSpec spec =
        new LeveragedTradersSpec(
            "traders",
            VenueId.of("perp"),
            List.of(new MarketWeight(ETH, 1)),
            count,
            USD,
            new Distribution.Constant(10_000),
            new Distribution.Constant(5),
            1.0,
            risk);
    Population p = spec.resolve(new RandomStreams(7, 0));
    p.setUp(ctx);
    return new Setup(ctx, venue, p);
  }

  private static AccountId account(int k) {
    return AccountId.of("perp", "accounts", "traders", String.format("%04d", k));
  }

  private static AccountId reserve(int k) {
    return AccountId.of("traders", String.format("%04d", k), "reserve");
  }

  @Test
  void test_trade_stopLossClosesEveryMemberInMemberOrder() {
    // 40 traders: more than the columns hold before they first grow.
    Setup s = setUp(40, new TraderRisk(0.10, 0, Optional.empty(), Optional.empty()));
    s.venue().setMark(ETH, 1810); // a move of -9.5%: nobody exits
    s.traders().trade(s.ctx());
    assertEquals(0, s.venue().reductions().size());
    s.venue().setMark(ETH, 1790); // -10.5%: every position closes, all 25 ETH
    s.traders().trade(s.ctx());
    List<FakePerpetualVenue.Reduction> expected = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      expected.add(new FakePerpetualVenue.Reduction(account(k), ETH, 25));
    }
    assertEquals(expected, s.venue().reductions());
    // Each realised 25 * (1,790 - 2,000) = -5,250 of its 10,000.
    assertEquals(4750, s.usd(account(0)), 1e-6);
    assertEquals(4750, s.usd(account(39)), 1e-6);
  }

  @Test
  void test_trade_aQuietPassAsksEachAccountOnce() {
    TraderRisk all =
        new TraderRisk(
            0.20,
            0.50,
            Optional.of(new TopUp(new Distribution.Constant(3000), 1.5, 2.0)),
            Optional.of(new Panic(0.5, 0, 5, 0.5)));
    Setup s = setUp(3, all);
    // At 1,900: move -5%, no exit; equity 7,500 over MMR 2,375 (health 3.2), no top-up; value
    // 3,000 + 7,500 against a peak of 13,000 (drawdown 19%), no panic. The exit, drawdown and
    // top-up rules all read the account: once each per trader.
    s.venue().setMark(ETH, 1900);
    long before = s.venue().marginStateCalls();
    s.traders().trade(s.ctx());
    assertEquals(3, s.venue().marginStateCalls() - before);
    assertEquals(0, s.venue().reductions().size());
    assertEquals(3000, s.usd(reserve(2)), 0);
  }

  @Test
  void test_trade_aTopUpAfterACutReadsTheAccountAfterIt() {
    Setup s =
        setUp(
            2,
            new TraderRisk(
                0.10,
                0,
                Optional.of(new TopUp(new Distribution.Constant(3000), 1.5, 2.0)),
                Optional.empty()));
    // At 1,700 the health before the exit is 2,500 / 2,125 = 1.18 (a top-up of 1,750 if it were
    // still open), but the stop-loss (-15%) closes the position first: no risk left, no top-up.
    s.venue().setMark(ETH, 1700);
    s.traders().trade(s.ctx());
    assertEquals(2, s.venue().reductions().size());
    for (int k = 0; k < 2; k++) {
      assertEquals(3000, s.usd(reserve(k)), 0);
      assertEquals(2500, s.usd(account(k)), 1e-6);
      assertEquals(0, s.venue().marginState(account(k)).maintenanceRequirement(), 0);
    }
  }
}
