package org.marginfall.agents.markarb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The mark arbitrageur's rule on a real ledger and market: the gap, the cost band, the step budget
 * and the capital bound each stop it, with numbers worked from the linear-log impact.
 */
class MarkArbitrageursTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  private FakeAgentContext ctx;
  private FakePerpetualVenue venue;

  /**
   * ETH's market at {@code price} with depth 1e6 (k = price / 1e6 per unit); the venue marks at
   * {@code mark}.
   */
  private MarkArbitrageurs arbitrageurs(
      double price, double mark, double capital, double maxPerStep, int slices) {
    ctx = new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, price, 1_000_000);
    venue =
        ctx.addVenue(
            new FakePerpetualVenue("perp", false, ctx.ledger(), USD).market(ETH, mark, 0.1, 0.05));
    MarkArbitrageursSpec spec =
        new MarkArbitrageursSpec(
            "arb",
            VenueId.of("perp"),
            ETH,
            1,
            new Distribution.Constant(capital),
            0.01,
            maxPerStep,
            slices);
    MarkArbitrageurs arb = (MarkArbitrageurs) spec.resolve(new RandomStreams(1, 0));
    arb.setUp(ctx);
    return arb;
  }

  private double cash(MarkArbitrageurs arb) {
    return Precision.MICRO.units(ctx.balance(arb.wallets().get(0), USD));
  }

  @Test
  void test_arbitrage_buysTheDipUntilTheGapIsInsideTheCostBand() {
    // Market 90 against a mark of 100: 90 < 100 (1 - 0.01) = 99, a 10% gap. With depth 1e6 at
    // F = 90, buying u units moves ln P by 90 u / 1e6. Each slice is 100,000 / 10 = 10,000 of cash.
    MarkArbitrageurs arb = arbitrageurs(90, 100, 1_000_000, 100_000, 10);
    arb.arbitrage(ctx);
    double p = ctx.marketPrice(ETH);
    // It stops either at the budget (100,000 spent: ~1,100 units move ln P by ~0.099, P ~ 99.4)
    // or as soon as the price is inside the band: in both cases P has crossed 99 - one slice.
    assertTrue(p > 98.9, "price pulled up towards the mark: " + p);
    double spent = 1_000_000 - cash(arb);
    // The budget can be exceeded only by the last order's impact (10,000 of cash moves ln P by
    // ~0.011, so by ~1.1% of one slice at most).
    assertTrue(spent <= 100_000 + 0.011 * 10_000, "not above the step budget: " + spent);
    long held = ctx.balance(arb.wallets().get(0), ETH);
    assertTrue(held > 0);
  }

  @Test
  void test_arbitrage_capitalBoundsTheSupport() {
    // Only 20,000 of cash against a 100,000 budget. First slice: 10,000 / 90 = 111.111111 units;
    // ln P moves by 90 x 111.111111 / 1e6 = 0.01 (the cost is the integral, a bit over 10,000).
    MarkArbitrageurs arb = arbitrageurs(90, 100, 20_000, 100_000, 10);
    arb.arbitrage(ctx);
    // Orders the cash cannot pay after impact are halved: at most a few units' worth is left.
    assertTrue(cash(arb) < 1_000, "the capital is spent: " + cash(arb));
    double p = ctx.marketPrice(ETH);
    // About 19,000-20,000 bought moves ln P by ~0.0195-0.02: P ~ 91.8, still far below the mark.
    assertTrue(
        p > 90 * Math.exp(0.0185) && p < 90 * Math.exp(0.0201), "capital-bounded support: " + p);
  }

  @Test
  void test_arbitrage_insideTheBandNothingTrades() {
    // 99.5 against 100: inside [99, 101].
    MarkArbitrageurs arb = arbitrageurs(99.5, 100, 1_000_000, 100_000, 10);
    arb.arbitrage(ctx);
    assertEquals(1_000_000.0, cash(arb), 0.0);
    assertEquals(99.5, ctx.marketPrice(ETH), 0.0);
  }

  @Test
  void test_arbitrage_sellsInventoryAboveTheBand() {
    MarkArbitrageurs arb = arbitrageurs(90, 100, 1_000_000, 100_000, 10);
    arb.arbitrage(ctx); // buys the dip
    AccountId wallet = arb.wallets().get(0);
    long held = ctx.balance(wallet, ETH);
    venue.setMark(ETH, 80); // the mark falls below the market: P > 80 x 1.01
    arb.arbitrage(ctx);
    assertTrue(
        ctx.balance(wallet, ETH) < held, "sells inventory when the market is rich to the mark");
  }
}
