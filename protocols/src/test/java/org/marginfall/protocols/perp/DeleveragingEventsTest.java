package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * Conservation of counting on the auto-deleveraging path: every liquidation the venue counts is
 * named by one {@code liquidation} event (one per closed position, as on the book path), whether
 * the position closed against profitable opposites, through the book, or both; and the events'
 * notional sums to the venue's liquidated notional. Hand-computed on a book without price impact.
 */
class DeleveragingEventsTest {

  private static final double TOL = 1e-6;

  /**
   * Cross margin, ETH and BTC at IMF 10% / MMF 5%, fee 1%, pnl-leverage ADL, insurance fund 200.
   */
  private static PerpetualExchange venue(VenueHarness h) {
    return h.venue(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            ORACLE,
            MarginMode.CROSS,
            List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
            List.of(new CollateralTerms(ETH, 0.10)),
            0.01,
            0.5,
            200,
            1_000_000,
            LiquidationTerms.FULL,
            Optional.empty(),
            new DeleveragingTerms(DeleveragingRule.PNL_LEVERAGE, false),
            PricingTerms.DEFAULT));
  }

  private static AccountId trader(
      VenueHarness h, PerpetualExchange venue, String owner, double usd) {
    AccountId o = h.fund(owner, usd, 0);
    AccountId a = venue.marginAccount(o, ETH);
    venue.deposit(o, a, USD, Precision.MICRO.atoms(usd));
    return a;
  }

  @Test
  void test_liquidate_adlFillAndBookRestAreOneLiquidationEvent() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = venue(h);
    AccountId a = trader(h, venue, "a", 1000);
    venue.open(a, ETH, 3);
    AccountId b = trader(h, venue, "b", 1000);
    venue.open(b, ETH, -1);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2500);
    venue.markToMarket();
    // A: 1000 + 3 * (2500 - 3000) = -500 against a fund of 200: ADL at the bankruptcy price
    // 2500 + 500 / 3 = 2666.667. B (short 1 from 3000) absorbs 1; the other 2 close through the
    // book at 2500. Notional 2666.667 + 5000 = 7666.667; PnL -333.333 - 1000 = -1333.333; no fee.
    // A's 1000 USD covers 1000 of the loss, the fund 200, and 133.333 is bad debt.
    venue.liquidate(a, keeper).orElseThrow();
    List<Liquidation> liquidations = h.eventsOf(Liquidation.class);
    assertEquals(1, liquidations.size());
    Liquidation l = liquidations.get(0);
    assertEquals(a.value(), l.account());
    assertEquals(keeper.value(), l.liquidator());
    assertEquals("ETH", l.asset());
    assertEquals(3, l.size(), TOL);
    assertEquals(2500 + 500.0 / 3 + 5000, l.notional(), TOL);
    assertEquals((2500 + 500.0 / 3 + 5000) / 3, l.executionPrice(), TOL);
    assertEquals(-1000.0 / 3 - 1000, l.realizedPnl(), TOL);
    assertEquals(0, l.fee(), 0);
    assertEquals(-500, l.equityBefore(), TOL);
    assertEquals(1, h.eventsOf(AutoDeleverage.class).size());
    assertEquals(400.0 / 3, h.eventsOf(BadDebt.class).get(0).amount(), TOL);
    assertConserved(h, venue, 1);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_bookOnlyCloseOfEachPositionIsNamed() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = venue(h);
    // A long 3 ETH and 0.1 BTC with 1500 USD; the only opposite position (B short 1 ETH from 2100)
    // is in loss at any bankruptcy price above 2100, and nobody is short BTC: both positions close
    // wholly through the book, which before emitted no liquidation event at all.
    AccountId a = trader(h, venue, "a", 1500);
    venue.open(a, ETH, 3);
    venue.open(a, BTC, 0.1);
    h.setPrice(ETH, 2100);
    AccountId b = trader(h, venue, "b", 5000);
    venue.open(b, ETH, -1);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2200);
    venue.markToMarket();
    // A: 1500 + 3 * (2200 - 3000) = -900 < -200: ADL, no fill. ETH closes 3 at 2200 (6600, PnL
    // -2400), BTC 0.1 at 60000 (6000, PnL 0): two liquidation events, two counted.
    venue.liquidate(a, keeper).orElseThrow();
    assertEquals(0, h.eventsOf(AutoDeleverage.class).size());
    List<Liquidation> liquidations = h.eventsOf(Liquidation.class);
    assertEquals(List.of("ETH", "BTC"), liquidations.stream().map(Liquidation::asset).toList());
    assertEquals(6600, liquidations.get(0).notional(), TOL);
    assertEquals(6000, liquidations.get(1).notional(), TOL);
    assertEquals(-2400, liquidations.get(0).realizedPnl(), TOL);
    assertEquals(0, liquidations.get(1).realizedPnl(), TOL);
    assertConserved(h, venue, 2);
    h.assertBooksBalance(venue);
  }

  /** The venue counts exactly the liquidation events, and their notional is what it liquidated. */
  private static void assertConserved(VenueHarness h, PerpetualExchange venue, int expected) {
    VenueSnapshot s = venue.snapshot();
    List<Liquidation> events = h.eventsOf(Liquidation.class);
    assertEquals(expected, s.liquidations());
    assertEquals(s.liquidations(), events.size());
    assertEquals(
        s.liquidatedNotional(), events.stream().mapToDouble(Liquidation::notional).sum(), TOL);
  }
}
