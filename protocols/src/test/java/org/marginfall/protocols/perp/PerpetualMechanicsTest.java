package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.HLP;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;

/**
 * The venue mechanisms beyond full liquidation, each on a hand-computed example: partial
 * liquidation, the backstop vault, auto-deleveraging under each rule, socialized loss, funding, the
 * median mark and the staleness guard. Markets have no price impact unless said, so closes execute
 * at the oracle price; every example ends with the books balanced and the audit clean.
 */
class PerpetualMechanicsTest {

  private static final double TOL = 1e-6;
  private static final AccountId INSURANCE = AccountId.of("perp", "insurance");
  private static final AccountId HOUSE = AccountId.of("perp", "house");
  private static final AccountId VAULT = AccountId.of("perp", "backstop");
  private static final double HOUSE_CAPITAL = 1_000_000;

  /**
   * Cross margin, ETH and BTC at IMF 10% / MMF 5%, fee 1% split 50/50, ETH collateral at 10%
   * haircut.
   */
  private static PerpetualVenueSpec spec(
      LiquidationTerms liquidation,
      Optional<BackstopTerms> backstop,
      DeleveragingTerms deleveraging,
      PricingTerms pricing,
      double insurance) {
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        MarginMode.CROSS,
        List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
        List.of(new CollateralTerms(ETH, 0.10)),
        0.01,
        0.5,
        insurance,
        HOUSE_CAPITAL,
        liquidation,
        backstop,
        deleveraging,
        pricing);
  }

  private static PerpetualVenueSpec adlSpec(
      DeleveragingRule rule, boolean socialize, double insurance) {
    return spec(
        LiquidationTerms.FULL,
        Optional.empty(),
        new DeleveragingTerms(rule, socialize),
        PricingTerms.DEFAULT,
        insurance);
  }

  /**
   * Opens {@code owner}'s account, deposits {@code usd} and opens {@code size} ETH at the current
   * price.
   */
  private static AccountId trader(
      VenueHarness h, PerpetualExchange venue, String owner, double usd, double size) {
    AccountId o = h.fund(owner, usd, 0);
    AccountId a = venue.marginAccount(o, ETH);
    venue.deposit(o, a, USD, Precision.MICRO.atoms(usd));
    venue.open(a, ETH, size);
    return a;
  }

  private static double usd(VenueHarness h, AccountId a) {
    return h.ledger.units(a, USD);
  }

  // --- partial liquidation

  @Test
  void test_liquidate_partialClosesTheFractionThatRestoresHealth() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue =
        h.venue(
            spec(
                new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 100_000),
                Optional.empty(),
                DeleveragingTerms.NONE,
                PricingTerms.DEFAULT,
                0));
    AccountId a = trader(h, venue, "alice", 13_000, 40);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2800);
    // E = 13000 + 40 * (2800 - 3000) = 5000; N = 40 * 2800 = 112,000 (> 100k: partial);
    // MM = 0.05 * 112,000 = 5600. f = (5600 - 5000) / (5600 - 0.01 * 112,000) = 600 / 4480
    // = 0.13392857..., below the 20% close factor. Closed: 40 f = 5.357142857 ETH, notional
    // 5.357142857 * 2800 = 15,000, fee 150 (75 to the keeper, 75 to the fund), realised loss
    // 5.357142857 * 200 = 1071.428571.
    venue.markToMarket();
    LiquidationOutcome out = venue.liquidate(a, keeper).orElseThrow();
    assertEquals(15_000, out.closedNotional(), 1e-3);
    assertEquals(75, out.feeToLiquidator(), 1e-3);
    Liquidation e = h.eventsOf(Liquidation.class).get(0);
    assertEquals(40 * 600.0 / 4480, e.size(), 1e-6);
    assertEquals(-1071.428571, e.realizedPnl(), 1e-3);
    // After: base 13000 - 1071.428571 - 150 = 11778.571429; position 34.642857 ETH at entry 3000:
    // equity 11778.571429 - 34.642857 * 200 = 4850 = MM 0.05 * 34.642857 * 2800: health restored.
    assertEquals(11_778.571429, usd(h, a), 1e-3);
    MarginState after = venue.marginState(a);
    assertEquals(4850, after.equity(), 1e-3);
    assertEquals(4850, after.maintenanceRequirement(), 1e-3);
    assertFalse(after.liquidatable());
    assertEquals(75, h.ledger.units(INSURANCE, USD), 1e-3);
    assertEquals(1.0, venue.snapshot().extras().get("partialLiquidations"));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_partialClosesSmallAccountsInFull() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue =
        h.venue(
            spec(
                new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 100_000),
                Optional.empty(),
                DeleveragingTerms.NONE,
                PricingTerms.DEFAULT,
                0));
    // 10 ETH with 3300 USD: at 2800 E = 3300 - 2000 = 1300 < MM 1400; N = 28,000 is below
    // $100k, so the whole position goes.
    AccountId a = trader(h, venue, "alice", 3300, 10);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2800);
    venue.markToMarket();
    venue.liquidate(a, keeper).orElseThrow();
    assertEquals(10, h.eventsOf(Liquidation.class).get(0).size(), 0);
    assertEquals(0.0, venue.snapshot().extras().get("partialLiquidations"));
    h.assertBooksBalance(venue);
  }

  /** Hyperliquid's rule at 1% fee: 20% of a position above $100k, then full closes for 3 steps. */
  private static PerpetualVenueSpec fixedPartial() {
    return spec(
        new LiquidationTerms(LiquidationMode.FIXED_PARTIAL, 0.2, 100_000, 3),
        Optional.empty(),
        DeleveragingTerms.NONE,
        PricingTerms.DEFAULT,
        0);
  }

  /** 60 ETH at 3000 on 19,500 USD, liquidated once at 2800 at step 1; returns the account. */
  private static AccountId partiallyLiquidated(
      VenueHarness h, PerpetualExchange venue, AccountId keeper) {
    AccountId a = trader(h, venue, "alice", 19_500, 60);
    h.clock.step = 1;
    h.setPrice(ETH, 2800);
    // E = 19500 - 60 * 200 = 7500 < MM 0.05 * 168,000 = 8400; the position's notional 168,000 is
    // above $100k, so exactly 20% goes: 12 ETH, notional 33,600, fee 336, realised -2400 (the
    // minimal fraction, (8400 - 7500) / (8400 - 1680) = 0.134, would have closed 8.04 ETH).
    venue.markToMarket();
    venue.liquidate(a, keeper).orElseThrow();
    Liquidation first = h.eventsOf(Liquidation.class).get(0);
    assertEquals(12, first.size(), 1e-9);
    assertEquals(33_600, first.notional(), 1e-3);
    // After: 19500 - 2400 - 336 = 16,764 USD and 48 ETH; E = 16764 - 9600 = 7164 >= MM 6720.
    assertEquals(16_764, usd(h, a), 1e-3);
    assertFalse(venue.marginState(a).liquidatable());
    return a;
  }

  @Test
  void test_liquidate_fixedPartialSendsTwentyPercentThenTheWholePositionDuringTheCooldown() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(fixedPartial());
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    AccountId a = partiallyLiquidated(h, venue, keeper);
    // Step 3, two steps later (inside the 3-step cooldown): at 2750, E = 16764 - 48 * 250 = 4764
    // < MM 6600; the position (132,000) is still above $100k, but the whole of it goes.
    h.clock.step = 3;
    h.setPrice(ETH, 2750);
    venue.markToMarket();
    venue.liquidate(a, keeper).orElseThrow();
    assertEquals(48, h.eventsOf(Liquidation.class).get(1).size(), 1e-9);
    assertEquals(1.0, venue.snapshot().extras().get("partialLiquidations"));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_fixedPartialIsPartialAgainAfterTheCooldown() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(fixedPartial());
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    AccountId a = partiallyLiquidated(h, venue, keeper);
    // Step 4, three steps later: the cooldown is over, so 20% of the 48 ETH goes again.
    h.clock.step = 4;
    h.setPrice(ETH, 2750);
    venue.markToMarket();
    venue.liquidate(a, keeper).orElseThrow();
    assertEquals(9.6, h.eventsOf(Liquidation.class).get(1).size(), 1e-9);
    assertEquals(2.0, venue.snapshot().extras().get("partialLiquidations"));
    h.assertBooksBalance(venue);
  }

  // --- backstop

  @Test
  void test_liquidate_backstopTakesOverBelowTwoThirdsOfMaintenance() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue =
        h.venue(
            spec(
                LiquidationTerms.FULL,
                Optional.of(new BackstopTerms(HLP, 10_000, 2.0 / 3, 0.25)),
                DeleveragingTerms.NONE,
                PricingTerms.DEFAULT,
                0));
    // Shares: 10,000 HLP minted to the depositors from the external issuer; NAV 1.
    assertEquals(10_000, h.ledger.units(AccountId.of("perp/backstop/depositors"), HLP), 0);
    assertEquals(-10_000, h.ledger.units(AccountId.of("perp/backstop/issuer"), HLP), 0);
    assertEquals(1.0, h.markets.price(HLP), TOL);
    AccountId a = trader(h, venue, "alice", 1000, 3);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    double houseBefore = h.ledger.units(HOUSE, USD);
    h.setPrice(ETH, 2700);
    // E = 1000 + 3 * (2700 - 3000) = 100; MM = 0.05 * 8100 = 405; 2/3 MM = 270 > 100: takeover.
    venue.markToMarket();
    LiquidationOutcome out = venue.liquidate(a, keeper).orElseThrow();
    assertEquals(0, out.feeToLiquidator(), 0);
    assertEquals(8100, out.closedNotional(), TOL);
    BackstopTakeover t = h.eventsOf(BackstopTakeover.class).get(0);
    assertEquals("below-threshold", t.reason());
    assertEquals(100, t.equity(), TOL);
    assertEquals(405, t.maintenance(), TOL);
    // The account keeps nothing; the vault got its 1000 USD, paid its -900 PnL to the house, and
    // holds 3 ETH long from 2700: equity 10,000 + 1000 - 900 = 10,100, NAV 1.01.
    assertEquals(0, usd(h, a), 0);
    assertEquals(10_100, usd(h, VAULT), TOL);
    assertEquals(900, h.ledger.units(HOUSE, USD) - houseBefore, TOL);
    assertEquals(1.01, h.markets.price(HLP), TOL);
    assertEquals(1.0, venue.snapshot().extras().get("backstopTakeovers"));
    assertEquals(10_100, venue.snapshot().extras().get("backstopEquity"), TOL);
    h.assertBooksBalance(venue);
    // The vault unwinds a quarter per tick: 0.75 ETH sold at 2700, no PnL; 2.25 ETH left.
    venue.settle();
    assertEquals(2.25 * 2700, venue.snapshot().openInterest(), TOL);
    assertEquals(10_100, usd(h, VAULT), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_backstopTakesOverWhenTheBookWouldLeaveAShortfall() {
    // A thin ETH book: linear-log impact with depth 50,000, so selling q ETH at P = fundamental
    // = 2800 yields P (1 - e^(-kq)) / k with k = 2800 / 50,000 = 0.056.
    VenueHarness h =
        new VenueHarness(3000, new ImpactModel.LinearLog(50_000), 60000, new ImpactModel.None());
    PerpetualExchange venue =
        h.venue(
            spec(
                LiquidationTerms.FULL,
                Optional.of(new BackstopTerms(HLP, 10_000, 2.0 / 3, 0.25)),
                DeleveragingTerms.NONE,
                PricingTerms.DEFAULT,
                0));
    AccountId a = trader(h, venue, "alice", 1000, 3);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2800);
    // E = 1000 + 3 * (2800 - 3000) = 400 < MM 420 but above 2/3 MM = 280: not below the threshold.
    // Closing 3 ETH through the book: kq = 0.168, proceeds 2800 * (1 - e^-0.168) / 0.056
    // = 2800 * 0.1546462 / 0.056 = 7732.31 (average 2577.44); the account would be left with
    // 1000 + 7732.31 - 9000 - 1% fee 77.32 = -345.01 < 0: the book cannot absorb it.
    venue.markToMarket();
    venue.liquidate(a, keeper).orElseThrow();
    BackstopTakeover t = h.eventsOf(BackstopTakeover.class).get(0);
    assertEquals("book-shortfall", t.reason());
    assertEquals(400, t.equity(), TOL);
    // Taken over at the mark: the vault's equity is 10,000 + 400, and the market did not move.
    assertEquals(10_400, venue.snapshot().extras().get("backstopEquity"), TOL);
    assertEquals(2800, h.markets.price(ETH), 0);
    assertTrue(h.eventsOf(Liquidation.class).isEmpty());
    h.assertBooksBalance(venue);
  }

  // --- auto-deleveraging

  /**
   * The three-account book: A long 3 from 3000 with 1000 USD; B short 2 from 3000 with 1000; C
   * short 1 from 3200 with 2000; D short 2 from 3200 with 2000; ETH then gaps to 2500. A's value is
   * 1000 + 3 * (2500 - 3000) = -500 against an insurance fund of 200: ADL. A's bankruptcy price is
   * 2500 + 500 / 3 = 2666.666667; B (3000), C and D (3200) are all profitable there.
   */
  private static final class Book {
    final VenueHarness h = new VenueHarness(3000, 60000);
    final PerpetualExchange venue;
    final AccountId a;
    final AccountId b;
    final AccountId c;
    final AccountId d;
    final AccountId keeper;

    Book(DeleveragingRule rule) {
      venue = h.venue(adlSpec(rule, false, 200));
      a = trader(h, venue, "a", 1000, 3);
      b = trader(h, venue, "b", 1000, -2);
      h.setPrice(ETH, 3200);
      c = trader(h, venue, "c", 2000, -1);
      d = trader(h, venue, "d", 2000, -2);
      keeper = h.fund("keeper", 1_000_000, 0);
      h.setPrice(ETH, 2500);
      venue.markToMarket();
    }

    List<AutoDeleverage> deleverage() {
      venue.liquidate(a, keeper).orElseThrow();
      return h.eventsOf(AutoDeleverage.class);
    }
  }

  private static final double PB = 2500 + 500.0 / 3;

  @Test
  void test_liquidate_adlPnlLeverageFillsByRanking() {
    Book book = new Book(DeleveragingRule.PNL_LEVERAGE);
    // Scores at 2500: B uPnL 1000 / 6000 * (5000 / 2000) = 0.4167; C 700 / 3200 * (2500 / 2700)
    // = 0.2025; D 1400 / 6400 * (5000 / 3400) = 0.3217. Order B, D, C: B gives 2, D gives 1.
    List<AutoDeleverage> fills = book.deleverage();
    assertEquals(2, fills.size());
    assertEquals(book.b.value(), fills.get(0).counterparty());
    assertEquals(-2, fills.get(0).size(), TOL);
    assertEquals(book.d.value(), fills.get(1).counterparty());
    assertEquals(-1, fills.get(1).size(), TOL);
    assertEquals(PB, fills.get(0).bankruptcyPrice(), TOL);
    // Profit taken relative to the mark: B 2 * 166.667 = 333.333, D 166.667 (500 in all). The fund
    // (200) could have paid part of the 500 deficit, so the shortfall ADL had to cover is 300,
    // attributed 200 / 100: over-deleveraging 133.333 + 66.667 = 200.
    assertEquals(1000.0 / 3, fills.get(0).profitTaken(), TOL);
    assertEquals(200, fills.get(0).shortfall(), TOL);
    assertEquals(400.0 / 3, fills.get(0).overDeleveraging(), TOL);
    assertEquals(200, book.venue.snapshot().extras().get("adlOverDeleveraging"), TOL);
    assertEquals(300, book.venue.snapshot().extras().get("adlShortfall"), TOL);
    // B closed 2 at 2666.667: +666.667 from the house; D keeps a 1 ETH short; A is left with 0.
    assertEquals(1000 + 2000.0 / 3, usd(book.h, book.b), TOL);
    assertEquals(2000 + 1600.0 / 3, usd(book.h, book.d), TOL);
    assertEquals(0, usd(book.h, book.a), TOL);
    // The fund is not drawn (at most one atom of rounding), and there is no bad debt.
    assertEquals(200, book.h.ledger.units(INSURANCE, USD), TOL);
    assertTrue(book.h.eventsOf(BadDebt.class).isEmpty());
    book.h.assertBooksBalance(book.venue);
  }

  @Test
  void test_liquidate_adlProRataBySize() {
    Book book = new Book(DeleveragingRule.PRO_RATA);
    // 3 units over B 2, C 1, D 2 (total 5): 1.2, 0.6, 1.2, in account order.
    List<AutoDeleverage> fills = book.deleverage();
    assertEquals(
        List.of(book.b.value(), book.c.value(), book.d.value()),
        fills.stream().map(AutoDeleverage::counterparty).toList());
    assertEquals(-1.2, fills.get(0).size(), TOL);
    assertEquals(-0.6, fills.get(1).size(), TOL);
    assertEquals(-1.2, fills.get(2).size(), TOL);
    // B keeps 0.8 short and was paid 1.2 * (3000 - 2666.667) = 400.
    assertEquals(1400, usd(book.h, book.b), TOL);
    assertEquals(200, book.venue.snapshot().extras().get("adlOverDeleveraging"), TOL);
    book.h.assertBooksBalance(book.venue);
  }

  @Test
  void test_liquidate_adlRandomStartFromTheVenueStream() {
    Book book = new Book(DeleveragingRule.RANDOM_START);
    // The start index is floor(u * 3) for the first draw of the stream "venues/perp/adl" of the
    // harness's RandomStreams(1, 0); opposites in account order B, C, D. From start 0: B 2, C 1;
    // from 1: C 1, D 2; from 2: D 2, B 1.
    double u = new RandomStreams(1, 0).stream("venues/perp/adl").nextUniform();
    int start = (int) Math.floor(u * 3);
    List<List<Object>> expected =
        List.of(
            List.of(book.b.value(), 2.0, book.c.value(), 1.0),
            List.of(book.c.value(), 1.0, book.d.value(), 2.0),
            List.of(book.d.value(), 2.0, book.b.value(), 1.0));
    List<AutoDeleverage> fills = book.deleverage();
    assertEquals(2, fills.size());
    List<Object> got =
        List.of(
            fills.get(0).counterparty(),
            -fills.get(0).size(),
            fills.get(1).counterparty(),
            -fills.get(1).size());
    assertEquals(expected.get(start), got);
    book.h.assertBooksBalance(book.venue);
  }

  @Test
  void test_liquidate_socializedLossSharedByWinnersProRata() {
    VenueHarness h = new VenueHarness(2700, 60000);
    PerpetualExchange venue = h.venue(adlSpec(DeleveragingRule.NONE, true, 200));
    AccountId f = trader(h, venue, "f", 1000, -1);
    h.setPrice(ETH, 2600);
    AccountId e = trader(h, venue, "e", 5000, -5);
    h.setPrice(ETH, 3000);
    AccountId a = trader(h, venue, "a", 1000, 3);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2500);
    venue.markToMarket();
    // A: value 1000 - 1500 = -500 > fund 200. No ADL rule: A closes at 2500 for -1500; the fund
    // pays 200; the other 300 is taken from the winners' uPnL: E 5 * 100 = 500, F 200 (700):
    // E 300 * 5/7 = 214.285714, F 85.714286. Their entries move: E 2600 - 214.285714 / 5
    // = 2557.142857, F 2700 - 85.714286 = 2614.285714.
    venue.liquidate(a, keeper).orElseThrow();
    List<SocializedLoss> shares = h.eventsOf(SocializedLoss.class);
    assertEquals(2, shares.size());
    assertEquals(f.value(), shares.get(0).winner());
    assertEquals(300.0 * 2 / 7, shares.get(0).amount(), TOL);
    assertEquals(e.value(), shares.get(1).winner());
    assertEquals(300.0 * 5 / 7, shares.get(1).amount(), TOL);
    assertEquals(200, h.eventsOf(InsurancePayout.class).get(0).amount(), TOL);
    assertTrue(h.eventsOf(BadDebt.class).isEmpty());
    // E's equity: 5000 + (-5) * (2500 - 2557.142857) = 5285.714286.
    assertEquals(5000 + 5 * (2600 - 300.0 / 7 - 2500), venue.marginState(e).equity(), TOL);
    assertEquals(0, usd(h, a), TOL);
    assertEquals(300, venue.snapshot().extras().get("socializedLoss"), TOL);
    h.assertBooksBalance(venue);
  }

  // --- funding and mark

  @Test
  void test_settle_fundingLongsPayShortsAndTheHouseTakesTheImbalance() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PricingTerms funding =
        new PricingTerms(MarkPriceRule.INDEX, 1, 2, 0.0001, 0.0005, 0, StaleAction.PAUSE);
    PerpetualExchange venue =
        h.venue(spec(LiquidationTerms.FULL, Optional.empty(), DeleveragingTerms.NONE, funding, 0));
    AccountId a = trader(h, venue, "a", 10_000, 2);
    AccountId b = trader(h, venue, "b", 10_000, -1);
    // C posts only ETH (1 ETH, counted 2700) and goes long 1: it cannot pay funding in USD.
    AccountId co = h.fund("c", 0, 1);
    AccountId c = venue.marginAccount(co, ETH);
    venue.deposit(co, c, ETH, Precision.MICRO.atoms(1));
    venue.open(c, ETH, 1);
    double houseBefore = h.ledger.units(HOUSE, USD);
    // The book trades 1% over the index for two ticks: P = 0.01, F = 0.01 + clamp(0.0001 - 0.01,
    // +-0.0005) = 0.0095 (below the 5% cap). At the 3000 mark: A pays 2 * 3000 * 0.0095 = 57;
    // C owes 28.5, holds no USD, and carries it in its entry (3000 + 28.5 = 3028.5); B receives
    // 28.5. The house receives 57 and pays 28.5.
    h.markets.market(ETH).setFundamental(3030);
    venue.settle();
    assertTrue(h.eventsOf(FundingSettlement.class).isEmpty());
    venue.settle();
    FundingSettlement eth = h.eventsOf(FundingSettlement.class).get(0);
    assertEquals("ETH", eth.asset());
    assertEquals(0.0095, eth.rate(), 1e-12);
    assertEquals(0.01, eth.averagePremium(), 1e-12);
    assertEquals(57, eth.paid(), TOL);
    assertEquals(28.5, eth.received(), TOL);
    assertEquals(28.5, eth.deferred(), TOL);
    assertEquals(28.5, eth.houseNet(), TOL);
    assertEquals(10_000 - 57, usd(h, a), TOL);
    assertEquals(10_000 + 28.5, usd(h, b), TOL);
    assertEquals(28.5, h.ledger.units(HOUSE, USD) - houseBefore, TOL);
    // C's equity fell by exactly the deferred funding: 2700 - 28.5.
    assertEquals(2700 - 28.5, venue.marginState(c).equity(), TOL);
    assertEquals(0.0095, venue.lastFundingRate(ETH), 1e-12);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_markPrice_medianOfFundingIndexBasisAndBook() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PricingTerms median =
        new PricingTerms(MarkPriceRule.MEDIAN, 2, 0, 0.0001, 0.0005, 0, StaleAction.PAUSE);
    PerpetualExchange venue =
        h.venue(spec(LiquidationTerms.FULL, Optional.empty(), DeleveragingTerms.NONE, median, 0));
    // No funding: Price1 = index = 3000. Before any sample the basis average is 0: Price2 = 3000.
    h.markets.market(ETH).setFundamental(3030);
    assertEquals(3000, venue.markPrice(ETH), TOL);
    venue.settle(); // basis sample 30: Price2 = 3030; median(3000, 3030, book 3030) = 3030
    assertEquals(3030, venue.markPrice(ETH), TOL);
    h.markets.market(ETH).setFundamental(3010);
    venue.settle(); // samples 30, 10: Price2 = 3020; median(3000, 3020, 3010) = 3010
    assertEquals(3010, venue.markPrice(ETH), TOL);
    h.markets.market(ETH).setFundamental(3050);
    // median(3000, 3020, 3050) = 3020: the averaged basis damps a jump of the book.
    assertEquals(3020, venue.markPrice(ETH), TOL);
    assertEquals(20, venue.snapshot().extras().get("markBasis.ETH"), TOL);
  }

  // --- staleness

  private static PerpetualExchange staleVenue(VenueHarness h, StaleAction action) {
    PricingTerms guard = new PricingTerms(MarkPriceRule.INDEX, 1, 0, 0.0001, 0.0005, 5, action);
    return h.venue(spec(LiquidationTerms.FULL, Optional.empty(), DeleveragingTerms.NONE, guard, 0));
  }

  @Test
  void test_markToMarket_staleFeedPausesLiquidation() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = staleVenue(h, StaleAction.PAUSE);
    AccountId a = trader(h, venue, "a", 1000, 3);
    AccountId keeper = h.fund("keeper", 1_000_000, 0);
    h.setPrice(ETH, 2700); // published at step 0; E = 100 < MM 405
    h.clock.step = 6; // 6 - 0 > 5 ticks: stale
    venue.markToMarket();
    assertEquals(List.of(), venue.liquidatable());
    assertEquals(Optional.empty(), venue.liquidate(a, keeper));
    assertEquals(1.0, venue.snapshot().extras().get("staleAccounts"));
    assertEquals(1.0, venue.snapshot().extras().get("stalePausedSteps"));
    h.assertBooksBalance(venue);
    // A fresh publication at step 6 lifts the pause.
    h.setPrice(ETH, 2690);
    venue.markToMarket();
    assertEquals(1, venue.liquidatable().size());
    assertTrue(venue.liquidate(a, keeper).isPresent());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_markToMarket_staleFeedIgnoredIsCounted() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = staleVenue(h, StaleAction.IGNORE);
    AccountId a = trader(h, venue, "a", 1000, 3);
    h.setPrice(ETH, 2700);
    h.clock.step = 6;
    venue.markToMarket();
    assertEquals(a, venue.liquidatable().get(0).account());
    assertEquals(1.0, venue.snapshot().extras().get("staleAccounts"));
    assertEquals(0.0, venue.snapshot().extras().get("stalePausedSteps"));
    h.assertBooksBalance(venue);
  }
}
