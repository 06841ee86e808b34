package org.marginfall.agents.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * Arbitrageurs on a constructed state: a lending venue whose USD receipt aUSD redeems 1:1 (NAV 1),
 * a secondary aUSD market with depth 10^6 (k = 1 / 10^6 per unit, permanent impact) into which a
 * lender sold 100,000 aUSD, so it trades at e^-0.1 = 0.904837 (a 9.5% discount), and a round-trip
 * cost of 1%: the arbitrageurs buy while the price is below 0.99. With log-linear impact, buying
 * takes the price from P0 to P1 for {@code (P1 - P0) / k} base currency, whatever the slicing.
 */
class ArbitrageursTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId AUSD = AssetId.of("aUSD");
  private static final AccountId ARB = AccountId.of("arbs", "0000");
  private static final double P0 = Math.exp(-0.1);
  private static final double DEPTH = 1.0e6;

  private record State(FakeAgentContext ctx, RedeemingVenue venue) {}

  /** The venue holds 200,000 USD of cash, then lends {@code lentOut} of it. */
  private static State state(double lentOut) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, AUSD));
    RedeemingVenue venue = ctx.addVenue(new RedeemingVenue(ctx.ledger(), USD, AUSD, 1.0));
    ctx.markets().defineDerived(AUSD, () -> venue.exchangeRate(USD));
    ctx.addMarket(AUSD, 1.0, DEPTH);
    AccountId lender = AccountId.of("lender");
    ctx.openAccount(lender);
    ctx.endow(lender, AUSD, Precision.MICRO.floorAtoms(200_000)); // supplies 200,000 USD
    ctx.sell(lender, AUSD, Precision.MICRO.floorAtoms(100_000));
    if (lentOut > 0) {
      venue.lendOut(Precision.MICRO.floorAtoms(lentOut));
    }
    assertEquals(P0, ctx.marketPrice(AUSD), 1e-12);
    return new State(ctx, venue);
  }

  private static Arbitrageurs arbitrageurs(State s, double capital, double maxPerStep, int slices) {
    ArbitrageursSpec spec =
        new ArbitrageursSpec(
            "arbs",
            VenueId.of("lend"),
            USD,
            1,
            new Distribution.Constant(capital),
            0.01,
            maxPerStep,
            slices);
    Arbitrageurs p = (Arbitrageurs) spec.resolve(new RandomStreams(1, 0));
    p.setUp(s.ctx());
    return p;
  }

  private static double usd(State s) {
    return s.ctx().ledger().units(ARB, USD);
  }

  private static void assertConserved(State s) {
    assertEquals(0, s.ctx().ledger().total(USD));
    assertEquals(0, s.ctx().ledger().total(AUSD));
    assertEquals(List.of(), s.ctx().ledger().audit());
    assertEquals(List.of(), s.venue().audit());
  }

  private static List<ArbitrageTrade> trades(State s) {
    return s.ctx().events().stream()
        .filter(e -> e instanceof ArbitrageTrade)
        .map(e -> (ArbitrageTrade) e)
        .toList();
  }

  @Test
  void test_rules_handComputed() {
    assertEquals(1.05, ArbitrageRules.nav(1.05, 1.0), 0.0);
    assertEquals(3150.0, ArbitrageRules.nav(1.05, 3000), 1e-9);
    assertTrue(ArbitrageRules.discount(0.98, 1.0, 0.01)); // 0.98 < 0.99
    assertFalse(ArbitrageRules.discount(0.995, 1.0, 0.01));
    assertTrue(ArbitrageRules.premium(1.02, 1.0, 0.01)); // 1.02 > 1.01
    assertFalse(ArbitrageRules.premium(1.005, 1.0, 0.01));
    // min(1,000, 400) / 0.8 = 500 units
    assertEquals(500_000_000L, ArbitrageRules.sliceAtoms(400, 1000, 0.8, Precision.MICRO));
  }

  @Test
  void test_arbitrage_sizeLimitedByTheDiscount() {
    State s = state(0);
    Arbitrageurs p = arbitrageurs(s, 1.0e6, 1.0e6, 100);
    p.arbitrage(s.ctx());
    double p1 = s.ctx().marketPrice(AUSD);
    // Stops at the first slice that reaches 0.99; a slice of 10,000 at a price above 0.98 buys at
    // most 10,204 units, moving ln P by at most 0.010204.
    assertTrue(p1 >= 0.99, "price " + p1);
    assertTrue(p1 < 0.99 * Math.exp(0.010204), "price " + p1);
    ArbitrageTrade t = trades(s).get(0);
    // Spent (P1 - P0) / k = (P1 - 0.904837) * 10^6, up to one atom per purchase.
    assertEquals((p1 - P0) * DEPTH, t.spent(), 1e-4);
    // Units bought move ln P from -0.1 to ln P1: U = (ln P1 + 0.1) * 10^6, all redeemed at 1.
    assertEquals((Math.log(p1) + 0.1) * DEPTH, t.bought(), 1e-3);
    assertEquals(t.bought(), t.redeemed(), 0.0);
    assertFalse(t.refused());
    assertEquals(1.0e6 - t.spent() + t.redeemed(), usd(s), 1e-6);
    // Profit U - spent: about 89,950 - 85,163 = 4,787 at the threshold itself.
    assertTrue(t.redeemed() - t.spent() > 4_700, "profit " + (t.redeemed() - t.spent()));
    assertEquals(200_000 - t.redeemed(), Precision.MICRO.units(s.venue().cash()), 1e-6);
    assertConserved(s);
    // Nothing left to do: the price is inside the band.
    p.arbitrage(s.ctx());
    assertEquals(1, trades(s).size());
  }

  @Test
  void test_arbitrage_sizeLimitedByCapital() {
    State s = state(0);
    Arbitrageurs p = arbitrageurs(s, 20_000, 1.0e6, 10);
    p.arbitrage(s.ctx());
    ArbitrageTrade t = trades(s).get(0);
    // Budget min(10^6, 20,000) = 20,000; the slice (100,000) is larger, so each purchase asks for
    // the budget left. 1) 20,000 / 0.904837 = 22,103.42 units would cost 0.904837 (e^0.0221034 - 1)
    // 10^6 = 20,222.67 > 20,000 held: refused; half, 11,051.71 units, costs 10,055.46 and is
    // redeemed at once (capital comes back as USD). 2) 9,944.54 left at P = 0.914893: 10,869.62
    // units cost 9,998.78 (the purchase's own impact overshoots the budget by 54.24). Total
    // 20,054.24 for 21,921.33 units; P1 = 0.924892, still far below 0.99: capital bound the trade.
    assertEquals(20_054.243023, t.spent(), 2e-6);
    assertEquals(21_921.328491, t.bought(), 2e-6);
    assertEquals(t.bought(), t.redeemed(), 0.0);
    assertEquals(0.9248916611, s.ctx().marketPrice(AUSD), 1e-9);
    assertEquals(20_000 - t.spent() + t.redeemed(), usd(s), 1e-6);
    assertConserved(s);
  }

  @Test
  void test_arbitrage_sizeLimitedByStepBudget() {
    State s = state(0);
    Arbitrageurs p = arbitrageurs(s, 1.0e6, 10_000, 10);
    p.arbitrage(s.ctx());
    ArbitrageTrade first = trades(s).get(0);
    // Ten slices of 1,000 each cost 1,000 plus their own impact (1,000 / 0.905 units moving ln P by
    // 0.0011 cost about 0.55 more), the last one asking for what is left: 10,000 to 10,001.
    assertTrue(first.spent() >= 10_000 && first.spent() < 10_001, "spent " + first.spent());
    // P1 = P0 + spent * k = 0.914837 and more.
    assertEquals(P0 + first.spent() / DEPTH, s.ctx().marketPrice(AUSD), 1e-8);
    p.arbitrage(s.ctx());
    ArbitrageTrade second = trades(s).get(1);
    assertTrue(second.spent() >= 10_000 && second.spent() < 10_001, "spent " + second.spent());
    assertConserved(s);
  }

  @Test
  void test_arbitrage_reserveWithoutCashStopsTheBuyingThenInventorySoldAtAPremium() {
    // 170,000 of the 200,000 lent out: the reserve redeems at most 30,000 receipts.
    State s = state(170_000);
    Arbitrageurs p = arbitrageurs(s, 1.0e6, 1.0e6, 100);
    p.arbitrage(s.ctx());
    ArbitrageTrade t = trades(s).get(0);
    // Slices of about 11,052 and 10,930 redeem; the third (about 10,810) finds 8,018 of cash: the
    // halving retries redeem cash atom for atom down to zero, then the arbitrageur stops buying.
    assertTrue(t.refused());
    assertEquals(0, s.venue().cash());
    assertEquals(30_000.0, t.redeemed(), 0.0);
    double held = s.ctx().ledger().units(ARB, AUSD);
    assertEquals(t.bought() - 30_000, held, 1e-6);
    assertTrue(held > 2_000 && held < 3_000, "held " + held);
    assertTrue(s.ctx().marketPrice(AUSD) < 0.99, "the discount stays open");
    assertConserved(s);

    // Next step: still no cash, so no buying, although the discount is there.
    double usdBefore = usd(s);
    p.arbitrage(s.ctx());
    ArbitrageTrade blocked = trades(s).get(1);
    assertTrue(blocked.refused());
    assertEquals(0.0, blocked.bought(), 0.0);
    assertEquals(usdBefore, usd(s), 0.0);

    // Someone buys 100,000 aUSD: ln P rises by 0.1 above 1.01; the arbitrageur sells its inventory.
    AccountId buyer = AccountId.of("buyer");
    s.ctx().openAccount(buyer);
    s.ctx().endow(buyer, USD, Precision.MICRO.floorAtoms(200_000));
    s.ctx().buy(buyer, AUSD, Precision.MICRO.floorAtoms(100_000));
    assertTrue(
        s.ctx().marketPrice(AUSD) > 1.01 * Math.exp(held / DEPTH),
        "a premium wider than the inventory");
    p.arbitrage(s.ctx());
    ArbitrageTrade sold = trades(s).get(2);
    assertEquals(held, sold.sold(), 1e-6);
    assertEquals(0, s.ctx().ledger().balance(ARB, AUSD));
    assertConserved(s);
  }

  @Test
  void test_arbitrage_inventoryRedeemedWhenCashReturns() {
    State s = state(170_000);
    Arbitrageurs p = arbitrageurs(s, 1.0e6, 1.0e6, 100);
    p.arbitrage(s.ctx());
    long held = s.ctx().ledger().balance(ARB, AUSD);
    s.venue().repaid(Precision.MICRO.floorAtoms(170_000));
    p.arbitrage(s.ctx());
    ArbitrageTrade t = trades(s).get(1);
    assertFalse(t.refused());
    // The held receipts are redeemed first, then the arbitrageur buys the rest of the discount.
    assertEquals(Precision.MICRO.units(held) + t.bought(), t.redeemed(), 1e-6);
    assertTrue(s.ctx().marketPrice(AUSD) >= 0.99);
    assertConserved(s);
  }

  @Test
  void test_setUp_refusesAReceiptWithoutMarket() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, AUSD));
    RedeemingVenue venue = ctx.addVenue(new RedeemingVenue(ctx.ledger(), USD, AUSD, 1.0));
    ctx.markets().defineDerived(AUSD, () -> venue.exchangeRate(USD));
    ArbitrageursSpec spec =
        new ArbitrageursSpec(
            "arbs", VenueId.of("lend"), USD, 1, new Distribution.Constant(1), 0.01, 1, 1);
    Arbitrageurs p = (Arbitrageurs) spec.resolve(new RandomStreams(1, 0));
    assertThrows(IllegalStateException.class, () -> p.setUp(ctx));
  }
}
