package org.marginfall.agents.liquidator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * The liquidators' decision rules on constructed states: latency, gas and minimum profit, venue
 * choice, competition (rotation, first come first served, priority fee) and inventory (sell, hold,
 * assets without a market). Every test ends with the ledger audited clean.
 */
class LiquidatorDecisionsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AETH = AssetId.of("aETH");
  private static final long SEED = 42L;

  /** Shared ETH market: price 1800, depth 1.8e6 USD, so k = 1800 / 1.8e6 = 0.001 per ETH sold. */
  private static final double ETH_PRICE = 1800;

  private static final double DEPTH = 1.8e6;

  /** aETH has no market; its NAV is 1500 USD. */
  private static final double AETH_NAV = 1500;

  private static final double CAPITAL = 10_000;
  private static final long USD_ATOM = Precision.MICRO.atomsPerUnit();

  private static FakeAgentContext context() {
    FakeAgentContext ctx =
        new FakeAgentContext(List.of(USD, ETH, AETH)).addMarket(ETH, ETH_PRICE, DEPTH);
    ctx.markets().defineDerived(AETH, () -> AETH_NAV);
    return ctx;
  }

  private static RewardVenue venue(FakeAgentContext ctx, String id) {
    return ctx.addVenue(new RewardVenue(id, ctx.ledger(), USD));
  }

  /** A state at health {@code h} (maintenance 1000). */
  private static MarginState health(double h) {
    return new MarginState(1000 * h, 2000, 1000);
  }

  private static LiquidatorBehaviour behaviour(
      int latency, double gas, double minProfit, VenueChoice strategy) {
    return new LiquidatorBehaviour(
        latency, gas, minProfit, strategy, Competition.ROTATION, null, InventoryPolicy.SELL, 0);
  }

  private static Population keepers(
      FakeAgentContext ctx, int count, int maxPerRound, LiquidatorBehaviour b) {
    Population p =
        new LiquidatorsSpec(
                "keepers",
                count,
                new Distribution.Constant(CAPITAL),
                List.of(),
                maxPerRound,
                0.02,
                b)
            .resolve(new RandomStreams(SEED, 0));
    p.setUp(ctx);
    return p;
  }

  private static AccountId keeper(int k) {
    return AccountId.of("keepers", String.format(Locale.ROOT, "%03d", k));
  }

  /**
   * The population's stream as the population sees it after set-up (one uniform per capital draw).
   */
  private static RandomStream streamAfterSetUp(int count) {
    RandomStream s = new RandomStreams(SEED, 0).stream("agents/keepers");
    for (int k = 0; k < count; k++) {
      s.nextUniform();
    }
    return s;
  }

  private static void assertAudited(FakeAgentContext ctx) {
    assertTrue(ctx.ledger().audit().isEmpty(), ctx.ledger().audit().toString());
  }

  private static List<LiquidatorCost> costs(FakeAgentContext ctx) {
    return ctx.events().stream()
        .filter(e -> e instanceof LiquidatorCost)
        .map(e -> (LiquidatorCost) e)
        .toList();
  }

  // --- latency

  @Test
  void test_liquidate_latencyActsOnlyAfterListedForLatencySteps() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    List<LiquidationCandidate> c = List.of(a.underwater("x", health(0.9), 10, null, 0));
    Population p = keepers(ctx, 1, 10, behaviour(2, 0, 0, VenueChoice.LISTED));

    // First listed at tick 5: with latency 2 the keeper acts at tick 5 + 2 = 7.
    ctx.setClock(5, 1);
    assertEquals(0, p.liquidate(ctx, c));
    ctx.setClock(5, 2);
    assertEquals(0, p.liquidate(ctx, c));
    ctx.setClock(6, 1);
    assertEquals(0, p.liquidate(ctx, c));
    assertTrue(a.attempts().isEmpty(), "not even tried before the latency has passed");
    ctx.setClock(7, 1);
    assertEquals(1, p.liquidate(ctx, c));
    assertEquals(List.of(c.get(0).account()), a.executed());
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_aTickWithoutTheAccountRestartsItsLatency() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x = a.underwater("x", health(0.9), 10, null, 0);
    LiquidationCandidate y = a.underwater("y", health(0.95), 10, null, 0);
    Population p = keepers(ctx, 1, 10, behaviour(2, 0, 0, VenueChoice.LISTED));

    ctx.setClock(10, 1);
    assertEquals(0, p.liquidate(ctx, List.of(x, y)));
    // Tick 11 lists only y: x recovered for a tick.
    ctx.setClock(11, 1);
    assertEquals(0, p.liquidate(ctx, List.of(y)));
    // Tick 12: y has been listed since 10 (12 - 10 = 2); x only since 12.
    ctx.setClock(12, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x, y)));
    assertEquals(List.of(y.account()), a.executed());
    ctx.setClock(13, 1);
    assertEquals(0, p.liquidate(ctx, List.of(x)));
    ctx.setClock(14, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)), "14 - 12 = 2");
    assertEquals(List.of(y.account(), x.account()), a.executed());
  }

  // --- gas and minimum profit

  @Test
  void test_liquidate_gasIsPaidOutOfTheModelAndMinProfitSkipsThinLiquidations() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    // x pays 100: 100 - 30 gas = 70 >= 60, done. y pays 80: 80 - 30 = 50 < 60, skipped.
    LiquidationCandidate x = a.underwater("x", health(0.5), 100, null, 0);
    LiquidationCandidate y = a.underwater("y", health(0.6), 80, null, 0);
    Population p = keepers(ctx, 1, 10, behaviour(0, 30, 60, VenueChoice.LISTED));

    ctx.setClock(3, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x, y)));
    assertEquals(
        List.of(new RewardVenue.Attempt(x.account(), keeper(0), true)),
        a.attempts(),
        "y never tried");
    // 10,000 - 30 gas + 100 reward = 10,070
    assertEquals(10_070 * USD_ATOM, ctx.ledger().balance(keeper(0), USD));
    // external: -10,000 capital - 100 - 80 (the two accounts' rewards) + 30 gas = -10,150
    assertEquals(-10_150 * USD_ATOM, ctx.ledger().balance(Ledger.EXTERNAL, USD));
    assertEquals(
        List.of(new LiquidatorCost(3, 1, "A", "keepers/000", "A/accounts/x", 30.0, 0.0, 100.0)),
        costs(ctx));
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_refusedLiquidationReturnsTheGas() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x = a.underwater("x", health(0.5), 100, null, 0);
    Population p = keepers(ctx, 2, 10, behaviour(0, 30, 0, VenueChoice.LISTED));
    a.refuseAll(true);

    ctx.setClock(1, 1);
    assertEquals(0, p.liquidate(ctx, List.of(x)));
    assertEquals(2, a.attempts().size(), "both keepers tried");
    assertEquals((long) (CAPITAL * USD_ATOM), ctx.ledger().balance(keeper(0), USD));
    assertEquals((long) (CAPITAL * USD_ATOM), ctx.ledger().balance(keeper(1), USD));
    assertTrue(costs(ctx).isEmpty());
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_liquidatorThatCannotPayTheGasPassesWithoutTrying() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x = a.underwater("x", health(0.5), 100, null, 0);
    Population p = keepers(ctx, 2, 10, behaviour(0, 30, 0, VenueChoice.LISTED));
    // keeper 0 keeps 29.999999 USD, one atom short of the gas
    long keep = 30 * USD_ATOM - 1;
    ctx.ledger()
        .transfer(keeper(0), Ledger.EXTERNAL, USD, ctx.ledger().balance(keeper(0), USD) - keep);

    ctx.setClock(1, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)));
    assertEquals(List.of(new RewardVenue.Attempt(x.account(), keeper(1), true)), a.attempts());
    assertEquals(keep, ctx.ledger().balance(keeper(0), USD));
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_gasAboveTheRewardSkipsEvenWithoutAMinimumProfit() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    // 20 - 30 = -10 < 0
    LiquidationCandidate x = a.underwater("x", health(0.5), 20, null, 0);
    Population p = keepers(ctx, 1, 10, behaviour(0, 30, 0, VenueChoice.LISTED));
    ctx.setClock(1, 1);
    assertEquals(0, p.liquidate(ctx, List.of(x)));
    assertTrue(a.attempts().isEmpty());

    // A negative minimum profit accepts the loss: -10 >= -15.
    FakeAgentContext ctx2 = context();
    RewardVenue a2 = venue(ctx2, "A");
    LiquidationCandidate x2 = a2.underwater("x", health(0.5), 20, null, 0);
    Population p2 = keepers(ctx2, 1, 10, behaviour(0, 30, -15, VenueChoice.LISTED));
    ctx2.setClock(1, 1);
    assertEquals(1, p2.liquidate(ctx2, List.of(x2)));
    // 10,000 - 30 + 20
    assertEquals(9_990 * USD_ATOM, ctx2.ledger().balance(keeper(0), USD));
    assertAudited(ctx2);
  }

  // --- venue choice

  @Test
  void test_liquidate_maxProfitTakesTheBestRewardsAcrossVenuesFirst() {
    for (VenueChoice strategy : VenueChoice.values()) {
      FakeAgentContext ctx = context();
      RewardVenue a = venue(ctx, "A");
      RewardVenue b = venue(ctx, "B");
      LiquidationCandidate a1 = a.underwater("a1", health(0.5), 10, null, 0);
      LiquidationCandidate a2 = a.underwater("a2", health(0.8), 50, null, 0);
      LiquidationCandidate b1 = b.underwater("b1", health(0.6), 30, null, 0);
      LiquidationCandidate b2 = b.underwater("b2", health(0.7), 50, null, 0);
      // The engine's order: venue A then B, most underwater first.
      List<LiquidationCandidate> listed = List.of(a1, a2, b1, b2);
      Population p = keepers(ctx, 1, 3, behaviour(0, 0, 0, strategy));

      ctx.setClock(1, 1);
      assertEquals(3, p.liquidate(ctx, listed));
      List<AccountId> done = new ArrayList<>(a.executed());
      done.addAll(b.executed());
      if (strategy == VenueChoice.LISTED) {
        assertEquals(List.of(a1.account(), a2.account(), b1.account()), done);
      } else {
        // rewards 50 (a2), 50 (b2; the tie keeps the listed order), 30 (b1); a1's 10 is left
        assertEquals(List.of(a2.account()), a.executed());
        assertEquals(List.of(b2.account(), b1.account()), b.executed(), "b2 (50) before b1 (30)");
      }
      assertAudited(ctx);
    }
  }

  @Test
  void test_byRewardDescending_stableOnTies() {
    assertEquals(
        List.of(1, 3, 2, 0), LiquidatorRules.byRewardDescending(new double[] {10, 50, 30, 50}));
    assertEquals(List.of(0, 1, 2), LiquidatorRules.byRewardDescending(new double[3]));
  }

  // --- competition

  @Test
  void test_shuffled_fisherYatesWithHandPickedUniforms() {
    // n = 4. i = 3: j = floor(0.9 * 4) = 3, no swap -> [0 1 2 3]; i = 2: j = floor(0.2 * 3) = 0,
    // swap 2 and 0 -> [2 1 0 3]; i = 1: j = floor(0.7 * 2) = 1, no swap -> [2 1 0 3].
    Iterator<Double> u = List.of(0.9, 0.2, 0.7).iterator();
    assertArrayEquals(new int[] {2, 1, 0, 3}, LiquidatorRules.shuffled(4, u::next));
    // i = 3: j = floor(0.1 * 4) = 0 -> [3 1 2 0]; i = 2: j = floor(0.5 * 3) = 1 -> [3 2 1 0];
    // i = 1: j = floor(0.4 * 2) = 0 -> [2 3 1 0]
    Iterator<Double> v = List.of(0.1, 0.5, 0.4).iterator();
    assertArrayEquals(new int[] {2, 3, 1, 0}, LiquidatorRules.shuffled(4, v::next));
  }

  @Test
  void test_byBidDescending_highestFirstTiesByIndex() {
    assertArrayEquals(
        new int[] {2, 0, 3, 1}, LiquidatorRules.byBidDescending(new double[] {0.5, 0.1, 0.9, 0.5}));
  }

  @Test
  void test_priorityFee_isTheBidShareOfTheNetProfit() {
    // 0.8 * (100 - 10) = 72; a loss-making action bids nothing
    assertEquals(72.0, LiquidatorRules.priorityFee(0.8, 100, 10), 1e-12);
    assertEquals(0.0, LiquidatorRules.priorityFee(0.8, 5, 10), 0.0);
    assertTrue(LiquidatorRules.worthIt(100, 10, 72, 18));
    assertFalse(LiquidatorRules.worthIt(100, 10, 72, 18.000001));
  }

  @Test
  void test_liquidate_fcfsTheFirstToArriveTakesAllItCanThenANewOrderNextRound() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    List<LiquidationCandidate> c = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      c.add(a.underwater("x" + i, health(0.5 + 0.01 * i), 10, null, 0));
    }
    LiquidatorBehaviour fcfs =
        new LiquidatorBehaviour(
            0, 0, 0, VenueChoice.LISTED, Competition.FCFS, null, InventoryPolicy.SELL, 0);
    Population p = keepers(ctx, 3, 10, fcfs);
    // The population draws each round's arrival order from its own stream, after the capitals.
    RandomStream replica = streamAfterSetUp(3);
    int[] round1 = LiquidatorRules.shuffled(3, replica::nextUniform);
    int[] round2 = LiquidatorRules.shuffled(3, replica::nextUniform);

    ctx.setClock(1, 1);
    assertEquals(4, p.liquidate(ctx, c.subList(0, 4)));
    for (RewardVenue.Attempt t : a.attempts()) {
      assertEquals(keeper(round1[0]), t.liquidator(), "the first to arrive takes every candidate");
    }
    ctx.setClock(1, 2);
    assertEquals(2, p.liquidate(ctx, c.subList(4, 6)));
    for (RewardVenue.Attempt t : a.attempts().subList(4, 6)) {
      assertEquals(keeper(round2[0]), t.liquidator());
    }
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_fcfsLaterArrivalsGetWhatTheFirstCannotTake() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    List<LiquidationCandidate> c = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      c.add(a.underwater("x" + i, health(0.5 + 0.01 * i), 10, null, 0));
    }
    LiquidatorBehaviour fcfs =
        new LiquidatorBehaviour(
            0, 0, 0, VenueChoice.LISTED, Competition.FCFS, null, InventoryPolicy.SELL, 0);
    Population p = keepers(ctx, 3, 1, fcfs);
    int[] order = LiquidatorRules.shuffled(3, streamAfterSetUp(3)::nextUniform);

    ctx.setClock(1, 1);
    assertEquals(3, p.liquidate(ctx, c));
    // one each (maxPerRound 1), in arrival order
    assertEquals(
        List.of(
            new RewardVenue.Attempt(c.get(0).account(), keeper(order[0]), true),
            new RewardVenue.Attempt(c.get(1).account(), keeper(order[1]), true),
            new RewardVenue.Attempt(c.get(2).account(), keeper(order[2]), true)),
        a.attempts());
  }

  @Test
  void test_liquidate_priorityFeeHighestBidderActsFirstAndPaysItsBid() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x = a.underwater("x", health(0.5), 100, null, 0);
    Distribution share = new Distribution.Uniform(0, 1);
    LiquidatorBehaviour pga =
        new LiquidatorBehaviour(
            0, 10, 0, VenueChoice.LISTED, Competition.PRIORITY_FEE, share, InventoryPolicy.SELL, 0);
    Population p = keepers(ctx, 3, 10, pga);
    // Bids are drawn per keeper and round from the population's stream after the capitals.
    RandomStream replica = streamAfterSetUp(3);
    double[] bids = {replica.next(share), replica.next(share), replica.next(share)};
    int winner = 0;
    for (int k = 1; k < 3; k++) {
      if (bids[k] > bids[winner]) {
        winner = k;
      }
    }

    ctx.setClock(2, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)));
    assertEquals(List.of(new RewardVenue.Attempt(x.account(), keeper(winner), true)), a.attempts());
    // the winner pays 10 gas and bid * (100 - 10), floored to an atom, and earns 100
    long fee = Precision.MICRO.floorAtoms(bids[winner] * 90);
    assertEquals((10_000 - 10 + 100) * USD_ATOM - fee, ctx.ledger().balance(keeper(winner), USD));
    assertEquals(
        -(10_000L * 3 + 100) * USD_ATOM + 10 * USD_ATOM + fee,
        ctx.ledger().balance(Ledger.EXTERNAL, USD));
    assertEquals(
        List.of(
            new LiquidatorCost(
                2,
                1,
                "A",
                keeper(winner).value(),
                "A/accounts/x",
                10.0,
                Precision.MICRO.units(fee),
                100.0)),
        costs(ctx));
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_priorityFeeBidderWhoseBidLeavesTooLittleProfitPasses() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x = a.underwater("x", health(0.5), 100, null, 0);
    // Keeper bids are drawn from [0.2, 0.9]; minProfit 40 of the net 90 admits bids up to
    // (90 - 40) / 90 = 0.5556: the highest bidder acts only if its bid is at most that.
    Distribution share = new Distribution.Uniform(0.2, 0.9);
    LiquidatorBehaviour pga =
        new LiquidatorBehaviour(
            0,
            10,
            40,
            VenueChoice.LISTED,
            Competition.PRIORITY_FEE,
            share,
            InventoryPolicy.SELL,
            0);
    Population p = keepers(ctx, 4, 10, pga);
    RandomStream replica = streamAfterSetUp(4);
    double[] bids = new double[4];
    for (int k = 0; k < 4; k++) {
      bids[k] = replica.next(share);
    }
    int[] order = LiquidatorRules.byBidDescending(bids);
    int expected = -1;
    for (int k : order) {
      if (90 - bids[k] * 90 >= 40) {
        expected = k;
        break;
      }
    }

    // With this seed the highest bid is too high, and a lower bidder gets the account.
    assertTrue(bids[order[0]] > 50.0 / 90, "the highest bid leaves less than 40");
    assertTrue(expected >= 0 && expected != order[0]);

    ctx.setClock(2, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)));
    assertEquals(
        List.of(new RewardVenue.Attempt(x.account(), keeper(expected), true)), a.attempts());
    assertAudited(ctx);
  }

  // --- inventory

  @Test
  void test_liquidate_holdKeepsInventoryUpToItsLimitAndSellsOnlyTheExcess() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    Holding oneEth = new Holding(ETH, Precision.MICRO.atomsPerUnit());
    LiquidationCandidate x = a.underwater("x", health(0.5), 0, oneEth, ETH_PRICE);
    LiquidationCandidate y = a.underwater("y", health(0.6), 0, oneEth, ETH_PRICE);
    LiquidatorBehaviour hold =
        new LiquidatorBehaviour(
            0, 0, 0, VenueChoice.LISTED, Competition.ROTATION, null, InventoryPolicy.HOLD, 2000);
    Population p = keepers(ctx, 1, 10, hold);

    ctx.setClock(1, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)));
    // 1 ETH at 1800 <= 2000: held, nothing sold
    assertEquals(Precision.MICRO.atomsPerUnit(), ctx.ledger().balance(keeper(0), ETH));
    assertEquals(8_200 * USD_ATOM, ctx.ledger().balance(keeper(0), USD));
    assertTrue(ctx.events().stream().noneMatch(e -> e instanceof MarketTrade));

    assertEquals(1, p.liquidate(ctx, List.of(y)));
    // 2 ETH at 1800 = 3600: excess 1600, sell ceil(1600 / 1800 ETH) = 0.888889 ETH
    long sold = 888_889;
    assertEquals(2 * Precision.MICRO.atomsPerUnit() - sold, ctx.ledger().balance(keeper(0), ETH));
    // linear-log proceeds of q ETH from 1800: 1800 (1 - e^(-k q)) / k, k = 0.001
    double q = 0.888889;
    double k = ETH_PRICE / DEPTH;
    double proceeds = -ETH_PRICE * Math.expm1(-k * q) / k;
    assertEquals(1599.289, proceeds, 1e-3);
    assertEquals(
        6_400 * USD_ATOM + Precision.MICRO.floorAtoms(proceeds),
        ctx.ledger().balance(keeper(0), USD));
    // what is left is within the limit: 1.111111 ETH at 1800 e^(-0.000888889) = 1798.40 is 1998.22
    double left = 1.111111 * ETH_PRICE * Math.exp(-k * q);
    assertEquals(1998.22, left, 1e-2);
    assertTrue(left <= 2000);
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_sellSellsAtOnceButHoldsAnAssetWithoutAMarket() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x =
        a.underwater(
            "x", health(0.5), 0, new Holding(ETH, Precision.MICRO.atomsPerUnit()), ETH_PRICE);
    LiquidationCandidate y =
        a.underwater(
            "y", health(0.6), 0, new Holding(AETH, 5 * Precision.MICRO.atomsPerUnit()), 1400);
    Population p = keepers(ctx, 1, 10, LiquidatorBehaviour.DEFAULT);

    ctx.setClock(1, 1);
    assertEquals(2, p.liquidate(ctx, List.of(x, y)));
    assertEquals(0, ctx.ledger().balance(keeper(0), ETH), "ETH sold at once");
    assertEquals(
        5 * Precision.MICRO.atomsPerUnit(),
        ctx.ledger().balance(keeper(0), AETH),
        "aETH has no market: held");
    // 10,000 - 1,800 + 1800 (1 - e^-0.001) / 0.001 (= 1799.100299...) - 5 * 1,400
    double sale = -ETH_PRICE * Math.expm1(-0.001) / 0.001;
    assertEquals(
        (10_000 - 1_800 - 7_000) * USD_ATOM + Precision.MICRO.floorAtoms(sale),
        ctx.ledger().balance(keeper(0), USD));
    assertAudited(ctx);
  }

  @Test
  void test_liquidate_holdNeverSellsAnAssetWithoutAMarketAndSellsTheOthersInstead() {
    FakeAgentContext ctx = context();
    RewardVenue a = venue(ctx, "A");
    LiquidationCandidate x =
        a.underwater("x", health(0.5), 0, new Holding(AETH, Precision.MICRO.atomsPerUnit()), 1400);
    LiquidationCandidate y =
        a.underwater(
            "y", health(0.6), 0, new Holding(ETH, Precision.MICRO.atomsPerUnit()), ETH_PRICE);
    LiquidatorBehaviour hold =
        new LiquidatorBehaviour(
            0, 0, 0, VenueChoice.LISTED, Competition.ROTATION, null, InventoryPolicy.HOLD, 1000);
    Population p = keepers(ctx, 1, 10, hold);

    ctx.setClock(1, 1);
    assertEquals(1, p.liquidate(ctx, List.of(x)));
    // 1 aETH at NAV 1500 > 1000, but it cannot be sold
    assertEquals(Precision.MICRO.atomsPerUnit(), ctx.ledger().balance(keeper(0), AETH));
    assertEquals(1, p.liquidate(ctx, List.of(y)));
    // 1500 + 1800 = 3300: excess 2300 is more than the 1 ETH held, so all the ETH goes
    assertEquals(0, ctx.ledger().balance(keeper(0), ETH));
    assertEquals(Precision.MICRO.atomsPerUnit(), ctx.ledger().balance(keeper(0), AETH));
    assertAudited(ctx);
  }

  @Test
  void test_estimatesProfit_onlyWhenACostAFloorOrAProfitRuleIsSet() {
    assertFalse(LiquidatorBehaviour.DEFAULT.estimatesProfit());
    assertTrue(behaviour(0, 1, 0, VenueChoice.LISTED).estimatesProfit());
    assertTrue(behaviour(0, 0, -1, VenueChoice.LISTED).estimatesProfit());
    assertTrue(behaviour(0, 0, 0, VenueChoice.MAX_PROFIT).estimatesProfit());
    assertFalse(behaviour(5, 0, 0, VenueChoice.LISTED).estimatesProfit());
  }
}
