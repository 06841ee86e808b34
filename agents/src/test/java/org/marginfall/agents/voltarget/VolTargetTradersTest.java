package org.marginfall.agents.voltarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * Volatility targeting on a constructed state: one long trader with 10,000 USD on ETH at a mark of
 * 100, target volatility 50%, starting estimate 100%, lambda 0.9, 100 steps a year (so the per-step
 * variance starts at 1.0^2 / 100 = 0.01), a 10% band and a leverage cap of 3.
 */
class VolTargetTradersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId ACCOUNT = AccountId.of("perp", "accounts", "vol", "0000");

  @Test
  void test_formulas_handComputed() {
    // 0.9 * 0.01 + 0.1 * 0.2^2 = 0.013
    assertEquals(0.013, VolTargeting.ewmaVariance(0.01, 0.2, 0.9), 1e-15);
    // sqrt(0.0025 * 100) = 0.5 annual: 0.25 / 0.5 = 0.5
    assertEquals(0.5, VolTargeting.leverage(0.25, 0.0025, 100, 3), 1e-12);
    assertEquals(3, VolTargeting.leverage(0.25, 0.0, 100, 3), 0);
    assertEquals(3, VolTargeting.leverage(10, 0.0025, 100, 3), 0);
    assertTrue(VolTargeting.outsideBand(1000, 1200, 0.1));
    assertTrue(!VolTargeting.outsideBand(1100, 1200, 0.1));
  }

  @Test
  void test_trade_addsAsVolatilityFallsAndCutsAfterAShock() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH));
    FakePerpetualVenue venue =
        ctx.addVenue(
            new FakePerpetualVenue("perp", false, ctx.ledger(), USD).market(ETH, 100, 0.1, 0.05));
    VolTargetTradersSpec spec =
        new VolTargetTradersSpec(
            "vol",
            VenueId.of("perp"),
            ETH,
            1,
            new Distribution.Constant(10_000),
            0.5,
            0.9,
            1.0,
            3,
            0.1,
            1.0,
            100);
    VolTargetTraders p = (VolTargetTraders) spec.resolve(new RandomStreams(3, 0));
    p.setUp(ctx);
    // Annual estimate sqrt(0.01 * 100) = 1: leverage 0.5, notional 5,000, 50 ETH.
    assertEquals(50, venue.size(ACCOUNT, ETH), 1e-9);

    p.trade(ctx); // records the mark only
    p.trade(ctx); // r = 0: var 0.009, vol 0.9487, L 0.5270: 5,270 vs 5,000 is inside 10%
    p.trade(
        ctx); // var 0.0081, vol 0.9, L 0.5556: 5,556 vs 5,000 is just inside (555.6 > 555.6 fails)
    assertEquals(50, venue.size(ACCOUNT, ETH), 1e-9);
    p.trade(ctx);
    // var 0.00729, vol 0.853815, L 0.585607: target 5,856.07, so buy 8.560697 ETH.
    assertEquals(58.560697410525545, venue.size(ACCOUNT, ETH), 1e-9);

    venue.setMark(ETH, 80);
    p.trade(ctx);
    // r = ln 0.8: var 0.9 * 0.00729 + 0.1 * 0.049793 = 0.0115403, vol 1.074258, L 0.465438.
    // Equity 10,000 + 58.560697 (80 - 100) = 8,828.786; target 4,109.248; current 4,684.856 is
    // 575.6 off (> 410.9): reduce by 7.195096 to 51.365601.
    assertEquals(0.011540304449311737, p.variance(), 1e-15);
    assertEquals(51.36560135168215, venue.size(ACCOUNT, ETH), 1e-9);
    assertEquals(List.of(), ctx.ledger().audit());
  }

  @Test
  void test_spec_rejectsInvalidFields() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VolTargetTradersSpec(
                "vol",
                VenueId.of("perp"),
                ETH,
                1,
                new Distribution.Constant(1),
                0.5,
                1.0,
                1.0,
                3,
                0.1,
                1.0,
                100));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VolTargetTradersSpec(
                "vol",
                VenueId.of("perp"),
                ETH,
                1,
                new Distribution.Constant(1),
                0.5,
                0.9,
                1.0,
                3,
                1.0,
                1.0,
                100));
  }
}
