package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.venue.VenueId;

/**
 * {@link PerpetualExchange#reduce}: a trader's own close executes through the shared market like a
 * liquidation close, realises PnL at the execution price against the house, never grows or flips a
 * position, and refuses a loss it cannot pay before anything moves.
 *
 * <p>Worked example: the ETH market has linear-log impact with depth 3,000,000 at a fundamental of
 * fundamental F, so k = F / 3,000,000 per unit (0.001 at 3,000, 0.0009 at 2,700). Alice (10,000 USD
 * cross) is long 10 ETH opened at 3,000. ETH falls to 2,700. Selling 4 units from 2,700 earns 2,700
 * (1 - e^-0.0036) / 0.0009 = 10,780.583307 (average 2,695.145827) and leaves the market at 2,700
 * e^-0.0036 = 2,690.297475; the realised PnL is 4 (2,695.145827 - 3,000) = -1,219.416693, paid to
 * the house rounded up to 1,219,416,693 atoms.
 */
class PerpetualExchangeReduceTest {

  private static final double DEPTH = 3_000_000;
  private static final double HOUSE = 1_000_000;
  private static final AccountId HOUSE_ACCOUNT = AccountId.of("perp", "house");

  private static PerpetualVenueSpec spec() {
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        MarginMode.CROSS,
        List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
        List.of(new CollateralTerms(ETH, 0.10)),
        0.01,
        0.5,
        600,
        HOUSE);
  }

  private static VenueHarness harness() {
    return new VenueHarness(3000, new ImpactModel.LinearLog(DEPTH), 60000, new ImpactModel.None());
  }

  private static AccountId longTen(
      VenueHarness h, PerpetualExchange venue, double usd, double eth) {
    AccountId o = h.fund("alice", usd, eth);
    AccountId a = venue.marginAccount(o, ETH);
    if (usd > 0) {
      venue.deposit(o, a, USD, Precision.MICRO.atoms(usd));
    }
    if (eth > 0) {
      venue.deposit(o, a, ETH, Precision.MICRO.atoms(eth));
    }
    venue.open(a, ETH, 10);
    return a;
  }

  @Test
  void test_reduce_partialCloseRealisesAtTheExecutionPrice() {
    VenueHarness h = harness();
    PerpetualExchange venue = h.venue(spec());
    AccountId a = longTen(h, venue, 10_000, 0);
    h.setPrice(ETH, 2700);
    long houseBefore = h.ledger.balance(HOUSE_ACCOUNT, USD);

    venue.reduce(a, ETH, 4);

    assertEquals(10_000_000_000L - 1_219_416_693L, h.ledger.balance(a, USD));
    assertEquals(houseBefore + 1_219_416_693L, h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(2690.297475023682, h.markets.price(ETH), 1e-9);
    Trade t = h.eventsOf(Trade.class).get(1);
    assertEquals(-4, t.size(), 0);
    assertEquals(2695.1458267549765, t.price(), 1e-9);
    assertEquals(10780.583307019906, t.notional(), 1e-8);
    assertEquals(-1219.416692980094, t.realizedPnl(), 1e-8);
    // Six units remain at the old entry: equity = 8,780.583307 + 6 (2,700 - 3,000) at the oracle,
    // which has not re-read the market yet.
    assertEquals(8780.583307 - 1800, venue.marginState(a).equity(), 1e-6);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_reduce_moreThanThePositionClosesItWithoutFlipping() {
    VenueHarness h = harness();
    PerpetualExchange venue = h.venue(spec());
    AccountId a = longTen(h, venue, 10_000, 0);

    venue.reduce(a, ETH, 25);

    // Only the 10 held units are sold: 3,000 (1 - e^-0.01) / 0.001 = 29,850.498752 at average
    // 2,985.049875; the realised loss 10 (2,985.049875 - 3,000) = -149.501248 (rounded up to
    // atoms) leaves no position.
    assertEquals(-10, h.eventsOf(Trade.class).get(1).size(), 0);
    assertEquals(0, venue.marginState(a).maintenanceRequirement(), 0);
    assertEquals(10_000 - 149.501248, Precision.MICRO.units(h.ledger.balance(a, USD)), 1e-6);
    assertThrows(IllegalStateException.class, () -> venue.reduce(a, ETH, 1));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_reduce_unpayableLossMovesNothing() {
    VenueHarness h = harness();
    PerpetualExchange venue = h.venue(spec());
    // ETH collateral only: 10 ETH * 3,000 * 0.9 = 27,000 of equity, but no USD to pay a loss.
    AccountId a = longTen(h, venue, 0, 10);
    h.setPrice(ETH, 2900);
    long[][] before = h.balances();
    double marketBefore = h.markets.price(ETH);

    assertThrows(IllegalStateException.class, () -> venue.reduce(a, ETH, 5));

    assertArrayEquals(before, h.balances());
    assertEquals(marketBefore, h.markets.price(ETH), 0);
    assertEquals(1, h.eventsOf(Trade.class).size());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_reduce_shortGainIsPaidByTheHouse() {
    VenueHarness h = harness();
    PerpetualExchange venue = h.venue(spec());
    AccountId o = h.fund("bob", 10_000, 0);
    AccountId a = venue.marginAccount(o, ETH);
    venue.deposit(o, a, USD, Precision.MICRO.atoms(10_000));
    venue.open(a, ETH, -10);
    h.setPrice(ETH, 2700);

    venue.reduce(a, ETH, -2);

    // A short reduces by buying: 2 units from 2,700 cost 2,700 (e^0.0018 - 1) / 0.0009 =
    // 5,404.862917
    // (average 2,702.431459), realising 2 (3,000 - 2,702.431459) = 595.137082, floored to atoms.
    assertEquals(10_000 + 595.137082, Precision.MICRO.units(h.ledger.balance(a, USD)), 1e-6);
    // Eight units remain short: maintenance 8 * 2,700 * 0.05 = 1,080 at the unchanged oracle.
    assertEquals(1080, venue.marginState(a).maintenanceRequirement(), 1e-9);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_reduce_rejectsNonFiniteOrZeroSize() {
    VenueHarness h = harness();
    PerpetualExchange venue = h.venue(spec());
    AccountId a = longTen(h, venue, 10_000, 0);
    assertThrows(IllegalArgumentException.class, () -> venue.reduce(a, ETH, 0));
    assertThrows(IllegalArgumentException.class, () -> venue.reduce(a, ETH, Double.NaN));
    h.assertBooksBalance(venue);
  }
}
