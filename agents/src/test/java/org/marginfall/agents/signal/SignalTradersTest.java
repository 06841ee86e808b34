package org.marginfall.agents.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.signal.Signals.Action;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;

/**
 * Signal formulas and the momentum, mean-reversion and noise traders on a real ledger and market.
 */
class SignalTradersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId WALLET = AccountId.of("sig", "0000");

  @Test
  void test_momentum_signOfTheLookbackReturnBeyondTheThreshold() {
    // ln(110 / 100) = 0.0953 > 0.05; ln(94 / 100) = -0.0619 < -0.05; ln(102 / 100) = 0.0198.
    assertEquals(Action.BUY, Signals.momentum(List.of(100.0, 104.0, 110.0), 2, 0.05));
    assertEquals(Action.SELL, Signals.momentum(List.of(100.0, 104.0, 94.0), 2, 0.05));
    assertEquals(Action.HOLD, Signals.momentum(List.of(100.0, 101.0, 102.0), 2, 0.05));
    assertEquals(
        Action.HOLD, Signals.momentum(List.of(100.0, 110.0), 2, 0.05), "needs L + 1 prices");
  }

  @Test
  void test_meanReversion_deviationFromTheMovingAverage() {
    // MA of (100, 100, 100, 88) = 97: 88 / 97 - 1 = -0.0928 < -0.05.
    assertEquals(Action.BUY, Signals.meanReversion(List.of(100.0, 100.0, 100.0, 88.0), 4, 0.05));
    // MA = 103: 112 / 103 - 1 = 0.0874 > 0.05.
    assertEquals(Action.SELL, Signals.meanReversion(List.of(100.0, 100.0, 100.0, 112.0), 4, 0.05));
    // MA = 100.5: 102 / 100.5 - 1 = 0.0149.
    assertEquals(Action.HOLD, Signals.meanReversion(List.of(100.0, 100.0, 100.0, 102.0), 4, 0.05));
    // Only the last 2 count: MA(100, 88) = 94, 88 / 94 - 1 = -0.064.
    assertEquals(Action.BUY, Signals.meanReversion(List.of(500.0, 100.0, 88.0), 2, 0.05));
    assertEquals(Action.HOLD, Signals.meanReversion(List.of(100.0), 2, 0.05));
  }

  @Test
  void test_noise_activityThenCoin() {
    assertEquals(Action.BUY, Signals.noise(0.05, 0.3, 0.1));
    assertEquals(Action.SELL, Signals.noise(0.05, 0.7, 0.1));
    assertEquals(Action.HOLD, Signals.noise(0.5, 0.3, 0.1));
  }

  private static FakeAgentContext context() {
    // Depth 1,000,000: k = fundamental / 1,000,000 per unit.
    return new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 100, 1_000_000);
  }

  private static Population traders(SignalRule rule, double activity, FakeAgentContext ctx) {
    return traders(rule, 1, activity, ctx);
  }

  private static Population traders(
      SignalRule rule, int lookback, double activity, FakeAgentContext ctx) {
    Population p =
        new SignalTradersSpec(
                "sig",
                rule,
                ETH,
                1,
                new Distribution.Constant(10_000),
                0.5,
                lookback,
                new Distribution.Constant(0.05),
                activity)
            .resolve(new RandomStreams(11, 0));
    p.setUp(ctx);
    return p;
  }

  @Test
  void test_trade_momentumBuysTheRiseThenSellsTheFall() {
    FakeAgentContext ctx = context();
    Population p = traders(SignalRule.MOMENTUM, 0, ctx);
    p.trade(ctx); // history [100]: hold
    assertEquals(10_000_000_000L, ctx.ledger().balance(WALLET, USD));

    ctx.markets().market(ETH).setFundamental(110);
    p.trade(ctx);
    // ln(110/100) > 0.05: buy floor(0.5 * 10,000 / 110) = 45.454545 ETH; with k = 110e-6 the cost
    // is 110 (e^(k q) - 1) / k = 5,012.520809..., paid rounded up: 5,012,520,810 atoms.
    assertEquals(45_454_545L, ctx.ledger().balance(WALLET, ETH));
    assertEquals(10_000_000_000L - 5_012_520_810L, ctx.ledger().balance(WALLET, USD));

    ctx.markets().market(ETH).setFundamental(100);
    p.trade(ctx);
    // The buy left ln impact k q = 0.005: the market shows 100 e^0.005 = 100.501252, and
    // ln(100.501252 / 110) = -0.0903: sell all. Proceeds 100.501252 (1 - e^(-1e-4 q)) / 1e-4 =
    // 4,557.872037 (floored), so cash is 4,987.479190 + 4,557.872037 = 9,545.351227.
    assertEquals(0, ctx.ledger().balance(WALLET, ETH));
    assertEquals(9_545_351_227L, ctx.ledger().balance(WALLET, USD));
    assertLedgerBalances(ctx);
  }

  @Test
  void test_trade_meanReversionBuysTheDipAndSellsTheRebound() {
    FakeAgentContext ctx = context();
    Population p = traders(SignalRule.MEAN_REVERSION, 2, 0, ctx);
    p.trade(ctx); // one price, lookback 2: hold
    ctx.markets().market(ETH).setFundamental(88);
    p.trade(ctx);
    // MA(100, 88) = 94, 88 / 94 - 1 = -0.064 < -0.05: buy floor(0.5 * 10,000 / 88) = 56.818181.
    assertEquals(56_818_181L, ctx.ledger().balance(WALLET, ETH));
    ctx.markets().market(ETH).setFundamental(88);
    p.trade(ctx);
    // The buy lifted the market by e^(88e-6 * 56.818181) = e^0.005: 88.441102; MA(88, 88.441102)
    // = 88.220551, d = 0.0025: inside the band, the trader holds.
    assertEquals(56_818_181L, ctx.ledger().balance(WALLET, ETH));
    ctx.markets().market(ETH).setFundamental(100);
    p.trade(ctx);
    // 100 e^0.005 = 100.501252 against MA(88.441102, 100.501252) = 94.471177: d = 0.0638 > 0.05,
    // sell all.
    assertEquals(0, ctx.ledger().balance(WALLET, ETH));
    assertLedgerBalances(ctx);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SignalTradersSpec(
                "sig",
                SignalRule.MEAN_REVERSION,
                ETH,
                1,
                new Distribution.Constant(1),
                1.0,
                1,
                new Distribution.Constant(0),
                0));
  }

  @Test
  void test_trade_noiseTradersDrawTwoUniformsEveryStepFromTheirOwnStream() {
    FakeAgentContext always = context();
    Population a = traders(SignalRule.NOISE, 1.0, always);
    FakeAgentContext never = context();
    Population n = traders(SignalRule.NOISE, 0.0, never);
    for (int t = 0; t < 20; t++) {
      a.trade(always);
      n.trade(never);
    }
    // Activity 0 never trades; activity 1 trades every step, so its cash has moved.
    assertEquals(10_000_000_000L, never.ledger().balance(WALLET, USD));
    assertNotEquals(10_000_000_000L, always.ledger().balance(WALLET, USD));
    assertTrue(always.events().size() >= 10, "at least the buys of ~half of 20 steps");
    assertLedgerBalances(always);
  }

  private static void assertLedgerBalances(FakeAgentContext ctx) {
    assertEquals(0L, ctx.ledger().total(USD));
    assertEquals(0L, ctx.ledger().total(ETH));
    assertEquals(List.of(), ctx.ledger().audit());
    assertTrue(ctx.ledger().balance(Ledger.EXTERNAL, USD) < 0);
  }
}
