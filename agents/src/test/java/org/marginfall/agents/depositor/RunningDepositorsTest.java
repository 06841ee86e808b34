package org.marginfall.agents.depositor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * Running depositors on a one-reserve fake venue over a real ledger: triggers, first come first
 * served redemption out of the cash, and the fire sale of what cannot be redeemed.
 */
class RunningDepositorsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId AUSD = AssetId.of("aUSD");
  private static final long SEED = 7;
  private static final Distribution THOUSAND = new Distribution.Constant(1_000);

  private record Setup(FakeAgentContext ctx, FakeReserve venue, Population population) {}

  /** Three depositors of 1,000 USD each; {@code depth} > 0 adds aUSD's secondary market. */
  private static Setup setUp(
      Distribution utilisation, Distribution drop, double maxDiscount, double depth) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, AUSD));
    FakeReserve venue = ctx.addVenue(new FakeReserve(ctx.ledger(), USD, AUSD));
    // The receipt's NAV is its exchange rate (underlying USD at 1); a secondary market trades
    // around it.
    ctx.markets().defineDerived(AUSD, () -> venue.exchangeRate(USD));
    if (depth > 0) {
      ctx.addMarket(AUSD, 1.0, depth);
    }
    RunningDepositorsSpec spec =
        new RunningDepositorsSpec(
            "runners", VenueId.of("lend"), USD, 3, THOUSAND, utilisation, drop, true, maxDiscount);
    Population p = spec.resolve(new RandomStreams(SEED, 0));
    p.setUp(ctx);
    return new Setup(ctx, venue, p);
  }

  private static AccountId wallet(int k) {
    return AccountId.of("runners", String.format(java.util.Locale.ROOT, "%04d", k));
  }

  /**
   * The service order of the first trading phase: the population's stream after the set-up draws
   * (three amounts, then three thresholds per trigger that is on), shuffled by Fisher-Yates.
   */
  private static int[] firstOrder(int setUpDraws) {
    RandomStream own = new RandomStreams(SEED, 0).stream("agents/runners");
    for (int i = 0; i < setUpDraws; i++) {
      own.nextUniform();
    }
    int[] order = {0, 1, 2};
    for (int i = 2; i > 0; i--) {
      int j = (int) Math.floor(own.nextUniform() * (i + 1));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Test
  void test_trade_belowThresholdsNobodyMoves() {
    Setup s = setUp(new Distribution.Constant(0.9), new Distribution.Constant(0.05), 1.0, 0);
    // 3,000 supplied, 2,400 lent: U = 2,400 / 3,000 = 0.8 < 0.9; rate 0.97: drop 0.03 < 0.05.
    s.venue().lend(2_400);
    s.venue().setRate(0.97);
    s.population().trade(s.ctx());
    for (int k = 0; k < 3; k++) {
      assertEquals(Precision.MICRO.atoms(1_000), s.ctx().balance(wallet(k), AUSD));
    }
    assertTrue(s.ctx().events().isEmpty());
    assertEquals(List.of(), s.ctx().ledger().audit());
  }

  @Test
  void test_trade_utilisationRunIsServedFirstComeFirstServedOutOfTheCash() {
    Setup s = setUp(new Distribution.Constant(0.5), null, 1.0, 0);
    // 3,000 supplied, 2,000 lent: U = 2/3 >= 0.5, every depositor runs; the cash is 1,000.
    s.venue().lend(2_000);
    s.population().trade(s.ctx());
    int[] order = firstOrder(3 + 3);
    // The first served redeems all 1,000 receipts for 1,000 USD; the cash is then gone and the
    // two others (no secondary market) keep their receipts.
    assertEquals(Precision.MICRO.atoms(1_000), s.ctx().balance(wallet(order[0]), USD));
    assertEquals(0, s.ctx().balance(wallet(order[0]), AUSD));
    for (int i = 1; i < 3; i++) {
      assertEquals(0, s.ctx().balance(wallet(order[i]), USD));
      assertEquals(Precision.MICRO.atoms(1_000), s.ctx().balance(wallet(order[i]), AUSD));
    }
    assertEquals(0, s.ctx().balance(s.venue().pool(), USD));
    // Three run decisions: U = 2/3 for the first, 2,000 / (2,000 + 0) = 1 for the two after it.
    List<DepositorRun> runs =
        s.ctx().events().stream()
            .filter(DepositorRun.class::isInstance)
            .map(DepositorRun.class::cast)
            .toList();
    assertEquals(3, runs.size());
    assertEquals(wallet(order[0]).value(), runs.get(0).depositor());
    assertEquals(2.0 / 3, runs.get(0).utilisation(), 1e-12);
    assertEquals(1.0, runs.get(1).utilisation(), 1e-12);
    assertEquals("utilisation", runs.get(2).reason());
    // Cash returned by a repayment serves the runners still waiting, in the next step's order.
    s.venue().repay(500);
    s.population().trade(s.ctx());
    long redeemed = 0;
    for (int i = 1; i < 3; i++) {
      redeemed += Precision.MICRO.atoms(1_000) - s.ctx().balance(wallet(order[i]), AUSD);
    }
    assertEquals(Precision.MICRO.atoms(500), redeemed);
    assertEquals(List.of(), s.ctx().ledger().audit());
  }

  @Test
  void test_trade_valueDropRunRedeemsAtTheLoweredRate() {
    Setup s = setUp(null, new Distribution.Constant(0.02), 1.0, 0);
    // Rate 0.99: drop 0.01 < 0.02, nobody runs. Rate 0.975: drop 0.025 >= 0.02, all run, and with
    // the whole 3,000 in cash each of 1,000 receipts pays floor(1,000 x 0.975) = 975 USD.
    s.venue().setRate(0.99);
    s.population().trade(s.ctx());
    assertTrue(s.ctx().events().isEmpty());
    s.venue().setRate(0.975);
    s.population().trade(s.ctx());
    for (int k = 0; k < 3; k++) {
      assertEquals(Precision.MICRO.atoms(975), s.ctx().balance(wallet(k), USD));
      assertEquals(0, s.ctx().balance(wallet(k), AUSD));
    }
    assertEquals("value", ((DepositorRun) s.ctx().events().get(0)).reason());
    assertEquals(0.025, ((DepositorRun) s.ctx().events().get(0)).valueDrop(), 1e-12);
    assertEquals(List.of(), s.ctx().ledger().audit());
  }

  @Test
  void test_trade_whatCannotBeRedeemedIsFireSoldUntilTheDiscountTooDeep() {
    // Secondary market of depth 1e6: k = NAV / depth = 1e-6 per unit. maxDiscount 0.0006.
    Setup s = setUp(new Distribution.Constant(0.5), null, 0.0006, 1.0e6);
    // 3,000 supplied, 2,500 lent: U = 0.8333, everyone runs; the cash is 500.
    s.venue().lend(2_500);
    s.population().trade(s.ctx());
    int[] order = firstOrder(3 + 3);
    AccountId first = wallet(order[0]);
    AccountId second = wallet(order[1]);
    AccountId third = wallet(order[2]);
    // First: redeems 500 for 500 USD, sells 500 at P = 1: (1 - e^-0.0005) / 1e-6 = 499.875021 USD;
    // the price falls to e^-0.0005 = 0.999500125, a discount of 0.00049988 <= 0.0006.
    assertEquals(
        Precision.MICRO.atoms(500) + Precision.MICRO.floorAtoms(499.87502083),
        s.ctx().balance(first, USD));
    assertEquals(0, s.ctx().balance(first, AUSD));
    // Second: no cash left; sells 1,000 at 0.999500125: 0.999500125 (1 - e^-0.001) / 1e-6 =
    // 999.000541 USD; the price falls to e^-0.0015, a discount of 0.00149888 > 0.0006.
    assertEquals(Precision.MICRO.floorAtoms(999.00054146), s.ctx().balance(second, USD));
    // Third: the discount is too deep, it holds its receipts and waits for cash.
    assertEquals(0, s.ctx().balance(third, USD));
    assertEquals(Precision.MICRO.atoms(1_000), s.ctx().balance(third, AUSD));
    assertEquals(Math.exp(-0.0015), s.ctx().marketPrice(AUSD), 1e-12);
    DepositorExit exit =
        s.ctx().events().stream()
            .filter(DepositorExit.class::isInstance)
            .map(DepositorExit.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals(500, exit.redeemed(), 1e-9);
    assertEquals(500, exit.sold(), 1e-9);
    assertEquals(499.87502083, exit.proceeds(), 1e-6);
    assertEquals(List.of(), s.ctx().ledger().audit());
  }
}
