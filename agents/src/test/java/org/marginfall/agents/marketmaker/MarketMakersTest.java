package org.marginfall.agents.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;

/**
 * Market makers on a constructed state: an ETH market at 2,000 with depth 10^6, 10,000 steps a year
 * (so a per-step variance v is an annual volatility sqrt(10,000 v)), lambda 0.5, an estimate
 * starting at 0, two makers quoting all of the depth, each withdrawing 25% of its quote per step
 * above its threshold (up to 80%) and restoring 10% per step below half of it.
 */
class MarketMakersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  @Test
  void test_formulas_handComputed() {
    // 0.9 * 1e-4 + 0.1 * 0.02^2 = 0.9e-4 + 0.4e-4 = 1.3e-4
    assertEquals(1.3e-4, DepthWithdrawal.ewmaVariance(1e-4, 0.02, 0.9), 1e-18);
    // sqrt(1e-4 * 525,600) = sqrt(52.56) = 7.249828
    assertEquals(7.249827584156743, DepthWithdrawal.annualised(1e-4, 525_600), 1e-12);
    // above 1.5: +0.25 per step up to 0.8
    assertEquals(0.25, DepthWithdrawal.nextWithdrawn(0, 2.0, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    assertEquals(0.8, DepthWithdrawal.nextWithdrawn(0.75, 2.0, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    // between 0.75 and 1.5 (and at either threshold): holds
    assertEquals(0.8, DepthWithdrawal.nextWithdrawn(0.8, 1.0, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    assertEquals(0.8, DepthWithdrawal.nextWithdrawn(0.8, 1.5, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    assertEquals(0.8, DepthWithdrawal.nextWithdrawn(0.8, 0.75, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    // below 0.75: -0.1 per step down to 0
    assertEquals(0.7, DepthWithdrawal.nextWithdrawn(0.8, 0.5, 1.5, 0.75, 0.25, 0.1, 0.8), 1e-15);
    assertEquals(0.0, DepthWithdrawal.nextWithdrawn(0.05, 0.5, 1.5, 0.75, 0.25, 0.1, 0.8), 0.0);
    // share 0.6, withdrawn (0.5, 0, 0.25, 0.25): mean 0.25, factor 1 - 0.6 * 0.25 = 0.85
    assertEquals(
        0.85, DepthWithdrawal.populationFactor(0.6, new double[] {0.5, 0, 0.25, 0.25}), 1e-15);
  }

  private static MarketMakersSpec spec(Distribution threshold) {
    return new MarketMakersSpec(
        "makers", ETH, 2, 1.0, threshold, 0.5, 0.25, 0.1, 0.8, 0.5, 0.0, 10_000);
  }

  @Test
  void test_arbitrage_volatilityCrossingWithdrawsThenHysteresisRestores() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 2000, 1.0e6);
    SharedMarket market = ctx.markets().market(ETH);
    MarketMakers p =
        (MarketMakers) spec(new Distribution.Constant(1.2)).resolve(new RandomStreams(1, 0));
    p.setUp(ctx);
    assertEquals(1.0, market.depthFactor(), 0.0);

    // A 2% fall: r = ln(e^-0.02) = -0.02, var = 0.5 * 0 + 0.5 * 0.0004 = 0.0002, vol = sqrt(2) =
    // 1.4142 > 1.2: both makers withdraw 25%, the market keeps 1 - 0.25 = 0.75 of its depth.
    market.setFundamental(2000 * Math.exp(-0.02));
    ctx.setClock(1, 0);
    p.arbitrage(ctx);
    assertEquals(Math.sqrt(2), p.volatility(), 1e-12);
    assertEquals(0.75, market.depthFactor(), 1e-15);
    assertEquals(0.75, p.factor(), 1e-15);

    // Unchanged price: var halves each step. 0.0001 -> vol 1.0 (below 1.2, above 0.6): hold.
    p.arbitrage(ctx);
    assertEquals(1.0, p.volatility(), 1e-9);
    assertEquals(0.75, market.depthFactor(), 1e-15);
    // 0.00005 -> 0.7071: hold (hysteresis: below the withdrawal threshold, above the restore one).
    p.arbitrage(ctx);
    assertEquals(0.75, market.depthFactor(), 1e-15);
    // 0.000025 -> 0.5 < 0.6: each restores 10%: withdrawn 0.15, factor 0.85.
    p.arbitrage(ctx);
    assertEquals(0.5, p.volatility(), 1e-9);
    assertEquals(0.85, market.depthFactor(), 1e-15);
    assertEquals(0.15, p.withdrawn(0), 1e-15);
    // Two more quiet steps: withdrawn 0.05 (factor 0.95), then 0 (floored; factor 1).
    p.arbitrage(ctx);
    assertEquals(0.95, market.depthFactor(), 1e-15);
    p.arbitrage(ctx);
    assertEquals(1.0, market.depthFactor(), 0.0);
    long changes = ctx.events().stream().filter(ev -> ev instanceof DepthQuoted).count();
    assertEquals(5, changes, "set-up, withdrawal, three restorations: " + ctx.events());
  }

  @Test
  void test_sell_impactOfASaleWithReducedDepth() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 2000, 1.0e6);
    SharedMarket market = ctx.markets().market(ETH);
    MarketMakers p =
        (MarketMakers) spec(new Distribution.Constant(1.2)).resolve(new RandomStreams(1, 0));
    p.setUp(ctx);
    market.setFundamental(2000 * Math.exp(-0.02));
    p.arbitrage(ctx); // vol sqrt(2) > 1.2: factor 0.75
    assertEquals(0.75, market.depthFactor(), 1e-15);
    // A sale of 100 ETH now moves ln P by 100 * 1,960.40 / 750,000 = 0.2613863 (0.1960397 at full
    // depth).
    AccountId seller = AccountId.of("seller");
    ctx.openAccount(seller);
    ctx.endow(seller, ETH, Precision.MICRO.floorAtoms(100));
    double before = ctx.marketPrice(ETH);
    Execution e = ctx.sell(seller, ETH, Precision.MICRO.floorAtoms(100));
    assertEquals(-100 * 2000 * Math.exp(-0.02) / 750_000, Math.log(e.priceAfter() / before), 1e-12);
    assertEquals(-0.2613863, Math.log(e.priceAfter() / before), 1e-7);
  }

  @Test
  void test_arbitrage_heterogeneousThresholdsWithdrawInSteps() {
    // Thresholds drawn uniform in [1, 3]: only makers below the estimate withdraw.
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 2000, 1.0e6);
    SharedMarket market = ctx.markets().market(ETH);
    MarketMakers p =
        (MarketMakers) spec(new Distribution.Uniform(1, 3)).resolve(new RandomStreams(7, 0));
    p.setUp(ctx);
    double vol = 0.5 * (p.threshold(0) + p.threshold(1)); // between the two thresholds
    double lo = Math.min(p.threshold(0), p.threshold(1));
    // A return r with 0.5 r^2 * 10,000 = vol^2.
    double r = vol / Math.sqrt(0.5 * 10_000);
    market.setFundamental(2000 * Math.exp(-r));
    p.arbitrage(ctx);
    assertTrue(lo < p.volatility());
    // One maker of two withdraws 25% of its half: factor 1 - 0.5 * 0.25 = 0.875.
    assertEquals(0.875, market.depthFactor(), 1e-12);
  }

  @Test
  void test_setUp_refusesAnAssetWithoutMarket() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, ETH));
    MarketMakers p =
        (MarketMakers) spec(new Distribution.Constant(1.0)).resolve(new RandomStreams(1, 0));
    assertThrows(IllegalStateException.class, () -> p.setUp(ctx));
  }

  @Test
  void test_spec_rejectsInvalidValues() {
    Distribution one = new Distribution.Constant(1.0);
    assertThrows(
        IllegalArgumentException.class,
        () -> new MarketMakersSpec("m", ETH, 1, 0.0, one, 0.5, 0.25, 0.1, 0.8, 0.5, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MarketMakersSpec("m", ETH, 1, 1.0, one, 1.0, 0.25, 0.1, 0.8, 0.5, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MarketMakersSpec("m", ETH, 1, 1.0, one, 0.5, 0.25, 0.1, 1.0, 0.5, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MarketMakersSpec(
                "m", ETH, 1, 1.0, new Distribution.Constant(0), 0.5, 0.25, 0.1, 0.8, 0.5, 0, 1));
  }
}
