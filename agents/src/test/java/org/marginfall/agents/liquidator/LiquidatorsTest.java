package org.marginfall.agents.liquidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.agents.testkit.FakePerpetualVenue.Attempt;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Markets;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueId;

/** Liquidators working through candidates on fake venues, selling into a real shared market. */
class LiquidatorsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final long SEED = 42L;
  private static final long ONE_ETH = Precision.MICRO.atomsPerUnit();

  /**
   * Victims open 9 ETH long on 1 ETH of collateral at this mark: IMR 9 * 2000 * 0.1 = 1800 <= 2000.
   */
  private static final double OPEN_MARK = 2000;

  /** At this mark a victim's equity is 1800 + 9 * (1800 - 2000) = 0 < MMR 9 * 1800 * 0.05 = 810. */
  private static final double CRASH_MARK = 1800;

  private static final double IMF = 0.1;
  private static final double MMF = 0.05;

  /** Shared ETH market: price 1800, depth 1.8e6 USD, so k = F / depth = 0.001 per ETH sold. */
  private static final double MARKET_PRICE = 1800;

  private static final double DEPTH = 1.8e6;

  /** Each liquidator's capital; one liquidation costs 1 ETH at the 1800 mark = 1800 USD. */
  private static final double CAPITAL = 10_000;

  private static FakeAgentContext context() {
    return new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, MARKET_PRICE, DEPTH);
  }

  private static FakePerpetualVenue venue(FakeAgentContext ctx, String id) {
    FakePerpetualVenue v =
        ctx.addVenue(
            new FakePerpetualVenue(id, false, ctx.ledger(), USD)
                .market(ETH, OPEN_MARK, IMF, MMF)
                .collateral(ETH, 0.0));
    v.acquiredPerLiquidation(List.of(new Holding(ETH, ONE_ETH)));
    return v;
  }

  /**
   * Opens {@code n} accounts that the crash to {@link #CRASH_MARK} makes liquidatable; returns them
   * in venue order.
   */
  private static List<LiquidationCandidate> underwater(
      FakeAgentContext ctx, FakePerpetualVenue venue, String owners, int n) {
    venue.setMark(ETH, OPEN_MARK);
    for (int i = 0; i < n; i++) {
      AccountId owner = AccountId.of(owners, String.format(Locale.ROOT, "%02d", i));
      ctx.openAccount(owner);
      ctx.endow(owner, ETH, ONE_ETH);
      AccountId account = venue.marginAccount(owner, ETH);
      venue.deposit(owner, account, ETH, ONE_ETH);
      venue.open(account, ETH, 9.0);
    }
    venue.setMark(ETH, CRASH_MARK);
    venue.markToMarket();
    assertEquals(n, venue.liquidatable().size());
    return venue.liquidatable();
  }

  private static Population keepers(
      FakeAgentContext ctx, int count, int maxPerRound, List<VenueId> venues) {
    Population p =
        new LiquidatorsSpec(
                "keepers", count, new Distribution.Constant(CAPITAL), venues, maxPerRound)
            .resolve(new RandomStreams(SEED, 0));
    p.setUp(ctx);
    return p;
  }

  private static AccountId keeper(int k) {
    return AccountId.of("keepers", String.format(Locale.ROOT, "%03d", k));
  }

  private static Attempt done(LiquidationCandidate c, int k) {
    return new Attempt(c.account(), keeper(k), true);
  }

  private static Attempt passed(LiquidationCandidate c, int k) {
    return new Attempt(c.account(), keeper(k), false);
  }

  @Test
  void test_setUp_endowsEachLiquidatorWithItsDrawnCapital() {
    Distribution capital = new Distribution.Uniform(1e6, 5e6);
    FakeAgentContext ctx = context();
    new LiquidatorsSpec("keepers", 5, capital, List.of(), 10)
        .resolve(new RandomStreams(SEED, 0))
        .setUp(ctx);

    RandomStream expected = new RandomStreams(SEED, 0).stream("agents/keepers");
    long total = 0;
    for (int k = 0; k < 5; k++) {
      long atoms = Precision.MICRO.floorAtoms(expected.next(capital));
      assertEquals(atoms, ctx.ledger().balance(keeper(k), USD), "capital of keeper " + k);
      assertTrue(atoms >= 1_000_000_000_000L && atoms <= 5_000_000_000_000L);
      total += atoms;
    }
    assertEquals(-total, ctx.ledger().balance(Ledger.EXTERNAL, USD));
  }

  @Test
  void test_setUp_constantCapitalAndThreeDigitNames() {
    FakeAgentContext ctx = context();
    new LiquidatorsSpec("keepers", 12, new Distribution.Constant(2.5e6), List.of(), 10)
        .resolve(new RandomStreams(SEED, 0))
        .setUp(ctx);

    for (int k = 0; k < 12; k++) {
      assertEquals(2_500_000_000_000L, ctx.ledger().balance(keeper(k), USD), "2.5M USD in atoms");
    }
    assertEquals("keepers/011", keeper(11).value());
    assertFalse(ctx.ledger().isOpen(AccountId.of("keepers/012")));
    assertEquals(-12 * 2_500_000_000_000L, ctx.ledger().balance(Ledger.EXTERNAL, USD));
  }

  @Test
  void test_setUp_namesWidenOnlyWhenTheLastIndexNeedsMoreThanThreeDigits() {
    FakeAgentContext thousand = context();
    new LiquidatorsSpec("keepers", 1000, new Distribution.Constant(0), List.of(), 1)
        .resolve(new RandomStreams(SEED, 0))
        .setUp(thousand);
    assertTrue(thousand.ledger().isOpen(AccountId.of("keepers/999")));
    assertFalse(thousand.ledger().isOpen(AccountId.of("keepers/0999")));

    FakeAgentContext more = context();
    new LiquidatorsSpec("keepers", 1001, new Distribution.Constant(0), List.of(), 1)
        .resolve(new RandomStreams(SEED, 0))
        .setUp(more);
    assertTrue(more.ledger().isOpen(AccountId.of("keepers/0000")));
    assertTrue(more.ledger().isOpen(AccountId.of("keepers/1000")));
  }

  @Test
  void test_liquidate_offersCandidatesInOrderRoundRobinAfterLastSuccess() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 6);
    Population p = keepers(ctx, 3, 10, List.of());

    ctx.setClock(1, 1);
    assertEquals(4, p.liquidate(ctx, c.subList(0, 4)));
    // candidates in the order given; keepers 0, 1, 2 and round again to 0
    assertEquals(
        List.of(done(c.get(0), 0), done(c.get(1), 1), done(c.get(2), 2), done(c.get(3), 0)),
        venue.attempts());

    ctx.setClock(1, 2);
    assertEquals(2, p.liquidate(ctx, c.subList(4, 6)));
    // the next round continues after keeper 0, the last one that succeeded
    assertEquals(List.of(done(c.get(4), 1), done(c.get(5), 2)), venue.attempts().subList(4, 6));
    assertTrue(ctx.ledger().audit().isEmpty(), ctx.ledger().audit().toString());
  }

  @Test
  void test_liquidate_maxPerRoundIsRespectedAndResetsNextRoundAndNextStep() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 6);
    Population p = keepers(ctx, 2, 1, List.of());

    ctx.setClock(1, 1);
    assertEquals(2, p.liquidate(ctx, c));
    // one each, then both are used up: candidates 2..5 are not even offered
    assertEquals(List.of(done(c.get(0), 0), done(c.get(1), 1)), venue.attempts());
    assertEquals(0, p.liquidate(ctx, c.subList(2, 6)), "same round: still used up");
    assertEquals(2, venue.attempts().size());

    ctx.setClock(1, 2); // next round of the same step
    assertEquals(2, p.liquidate(ctx, c.subList(2, 6)));
    assertEquals(List.of(done(c.get(2), 0), done(c.get(3), 1)), venue.attempts().subList(2, 4));

    ctx.setClock(2, 2); // next step, same round number
    assertEquals(2, p.liquidate(ctx, c.subList(4, 6)));
    assertEquals(List.of(done(c.get(4), 0), done(c.get(5), 1)), venue.attempts().subList(4, 6));
    assertEquals(6, venue.attempts().size());
  }

  @Test
  void test_liquidate_refusedLiquidatorIsSkippedAndTheNextTried() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 3);
    Population p = keepers(ctx, 3, 10, List.of());
    venue.refuse(keeper(1));

    ctx.setClock(1, 1);
    assertEquals(3, p.liquidate(ctx, c));
    assertEquals(
        List.of(done(c.get(0), 0), passed(c.get(1), 1), done(c.get(1), 2), done(c.get(2), 0)),
        venue.attempts());
  }

  @Test
  void test_liquidate_liquidatorThatCannotPayPasses() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 1);
    Population p = keepers(ctx, 2, 10, List.of());
    // keeper 0 keeps 1799.999999 USD, one atom short of the 1800 the collateral costs
    long keep = 1_800_000_000L - 1;
    ctx.ledger()
        .transfer(keeper(0), Ledger.EXTERNAL, USD, ctx.ledger().balance(keeper(0), USD) - keep);

    ctx.setClock(1, 1);
    assertEquals(1, p.liquidate(ctx, c));
    assertEquals(List.of(passed(c.get(0), 0), done(c.get(0), 1)), venue.attempts());
    assertEquals(keep, ctx.ledger().balance(keeper(0), USD), "the passing keeper paid nothing");
  }

  @Test
  void test_liquidate_candidateNobodyTakesIsSkippedWithoutMovingTheTurn() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 3);
    Population p = keepers(ctx, 3, 10, List.of());

    ctx.setClock(1, 1);
    assertEquals(1, p.liquidate(ctx, c.subList(0, 1))); // keeper 0; the turn passes to keeper 1
    venue.refuseAll(true);
    assertEquals(0, p.liquidate(ctx, c.subList(1, 2)));
    // every keeper was asked, starting at keeper 1
    assertEquals(
        List.of(passed(c.get(1), 1), passed(c.get(1), 2), passed(c.get(1), 0)),
        venue.attempts().subList(1, 4));
    venue.refuseAll(false);
    assertEquals(1, p.liquidate(ctx, c.subList(2, 3)));
    assertEquals(done(c.get(2), 1), venue.attempts().get(4), "the turn is still keeper 1's");
  }

  @Test
  void test_liquidate_ignoresCandidatesOnVenuesOutsideItsList() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue a = venue(ctx, "perp-a");
    FakePerpetualVenue b = venue(ctx, "perp-b");
    List<LiquidationCandidate> onB = underwater(ctx, b, "b-victims", 2);
    List<LiquidationCandidate> onA = underwater(ctx, a, "a-victims", 2);
    List<LiquidationCandidate> all = new ArrayList<>(onB);
    all.addAll(onA);
    Population onlyA = keepers(ctx, 2, 10, List.of(VenueId.of("perp-a")));

    ctx.setClock(1, 1);
    assertEquals(2, onlyA.liquidate(ctx, all));
    assertTrue(b.attempts().isEmpty(), "perp-b candidates are never offered");
    assertEquals(List.of(done(onA.get(0), 0), done(onA.get(1), 1)), a.attempts());

    // An empty venue list serves every venue.
    Population any =
        new LiquidatorsSpec("anyone", 1, new Distribution.Constant(CAPITAL), List.of(), 10)
            .resolve(new RandomStreams(SEED, 0));
    any.setUp(ctx);
    assertEquals(2, any.liquidate(ctx, all), "perp-b's two; perp-a's are no longer liquidatable");
    assertEquals(2, b.executed().size());
  }

  @Test
  void test_liquidate_sellsAcquiredCollateralIntoTheMarketAtLinearLogProceeds() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, "perp-a");
    List<LiquidationCandidate> c = underwater(ctx, venue, "victims", 2);
    Population p = keepers(ctx, 1, 10, List.of());

    ctx.setClock(1, 1);
    assertEquals(2, p.liquidate(ctx, c));

    Ledger ledger = ctx.ledger();
    assertEquals(0, ledger.balance(keeper(0), ETH), "both acquired ETH were sold at once");
    assertEquals(
        2 * ONE_ETH, ledger.balance(Markets.account(ETH), ETH), "the outside market holds them");
    // k = 1800 / 1.8e6 = 0.001. Sale 1 at 1800: 1800 (1 - e^-0.001) / 0.001 = 1799.1002999250...
    // price then 1800 e^-0.001 = 1798.2008997...; sale 2: 1798.2008997 (1 - e^-0.001) / 0.001 =
    // 1797.3020988754...
    double k = MARKET_PRICE / DEPTH;
    double sale1 = -MARKET_PRICE * Math.expm1(-k) / k;
    double sale2 = -MARKET_PRICE * Math.exp(-k) * Math.expm1(-k) / k;
    assertEquals(1799.1002999250, sale1, 1e-9);
    assertEquals(1797.3020988754, sale2, 1e-9);
    // USD: 10,000 - 1,800 + 1,799.100299 - 1,800 + 1,797.302098 (each sale floored to an atom) =
    // 9,996.402397
    assertEquals(9_996_402_397L, ledger.balance(keeper(0), USD));
    assertEquals(
        10_000_000_000L
            - 3_600_000_000L
            + Precision.MICRO.floorAtoms(sale1)
            + Precision.MICRO.floorAtoms(sale2),
        ledger.balance(keeper(0), USD));
    // LinearLog is path independent: two 1-ETH sales end where one 2-ETH sale would, 1800 e^-0.002
    assertEquals(MARKET_PRICE * Math.exp(-2 * k), ctx.marketPrice(ETH), 1e-9);
    assertEquals(1796.4035976012, ctx.marketPrice(ETH), 1e-9);
    assertTrue(ledger.audit().isEmpty(), ledger.audit().toString());
  }
}
