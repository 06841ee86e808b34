package org.marginfall.agents.trader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;

/** Set-up of leveraged traders against a fake perpetual venue over a real ledger. */
class LeveragedTradersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final String VENUE = "perp-a";
  private static final double ETH_MARK = 2000;
  private static final double BTC_MARK = 50_000;
  private static final double IMF = 0.1; // max leverage 10
  private static final double MMF = 0.05;
  private static final double ETH_HAIRCUT = 0.1;
  private static final long SEED = 20200312L;

  /** Sizes are O(1..100) units; 1e-12 relative covers double rounding of a few multiplications. */
  private static final double REL = 1e-12;

  private static final List<MarketWeight> ETH_ONLY = List.of(new MarketWeight(ETH, 1));
  private static final List<MarketWeight> ETH_70_BTC_30 =
      List.of(new MarketWeight(ETH, 0.7), new MarketWeight(BTC, 0.3));

  private static FakeAgentContext context() {
    return new FakeAgentContext(List.of(USD, ETH, BTC));
  }

  private static FakePerpetualVenue venue(FakeAgentContext ctx, boolean isolated) {
    return ctx.addVenue(
        new FakePerpetualVenue(VENUE, isolated, ctx.ledger(), USD)
            .market(ETH, ETH_MARK, IMF, MMF)
            .market(BTC, BTC_MARK, IMF, MMF)
            .collateral(ETH, ETH_HAIRCUT));
  }

  private static LeveragedTradersSpec spec(
      String id,
      List<MarketWeight> markets,
      int count,
      AssetId collateralAsset,
      Distribution collateral,
      Distribution leverage,
      double longShare) {
    return new LeveragedTradersSpec(
        id, VenueId.of(VENUE), markets, count, collateralAsset, collateral, leverage, longShare);
  }

  private static LeveragedTradersSpec constantUsd(
      List<MarketWeight> markets, int count, double usd, double leverage, double longShare) {
    return spec(
        "traders",
        markets,
        count,
        USD,
        new Distribution.Constant(usd),
        new Distribution.Constant(leverage),
        longShare);
  }

  private static void setUp(LeveragedTradersSpec spec, FakeAgentContext ctx) {
    Population p = spec.resolve(new RandomStreams(SEED, 0));
    assertEquals(spec.id(), p.id());
    p.setUp(ctx);
  }

  private static AccountId wallet(int k) {
    return AccountId.of("traders", String.format(Locale.ROOT, "%04d", k));
  }

  private static AccountId cross(int k) {
    return AccountId.of(VENUE, "accounts", "traders", String.format(Locale.ROOT, "%04d", k));
  }

  private static void assertRel(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * REL);
  }

  @Test
  void test_setUp_constantDrawsGiveHandComputedDepositAndLongSize() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(constantUsd(ETH_ONLY, 3, 10_000, 5, 1.0), ctx);

    Ledger ledger = ctx.ledger();
    for (int k = 0; k < 3; k++) {
      assertTrue(ledger.isOpen(wallet(k)), "wallet " + k);
      assertEquals(0, ledger.balance(wallet(k), USD), "the whole endowment is deposited");
      assertEquals(10_000_000_000L, ledger.balance(cross(k), USD), "10,000 USD in atoms");
      // size = 10,000 * 5 / 2,000 = 25 ETH long
      assertRel(25.0, venue.size(cross(k), ETH));
      assertEquals(0.0, venue.size(cross(k), BTC), 0.0);
      MarginState s = venue.marginState(cross(k));
      assertRel(10_000, s.equity());
      assertRel(25 * 2000 * IMF, s.initialRequirement()); // 5,000
    }
    assertEquals(-30_000_000_000L, ledger.balance(Ledger.EXTERNAL, USD), "3 x 10,000 USD endowed");
    assertTrue(ledger.audit().isEmpty(), ledger.audit().toString());
  }

  @Test
  void test_setUp_longShareZeroOpensShort() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(constantUsd(ETH_ONLY, 2, 10_000, 5, 0.0), ctx);

    for (int k = 0; k < 2; k++) {
      assertRel(-25.0, venue.size(cross(k), ETH)); // -(10,000 * 5 / 2,000)
      assertRel(10_000, venue.marginState(cross(k)).equity());
    }
  }

  @Test
  void test_setUp_leverageAboveVenueMaxIsCappedJustBelowIt() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(constantUsd(ETH_ONLY, 1, 10_000, 20, 1.0), ctx);

    // max leverage 1 / 0.1 = 10; uncapped, 20x would be 100 ETH and the venue would refuse it.
    // capped: 10,000 * 10 * (1 - 1e-9) / 2,000 = 50 - 5e-8 = 49.99999995 ETH
    double size = venue.size(cross(0), ETH);
    assertEquals(49.99999995, size, 1e-10);
    assertTrue(size < 50.0, "strictly inside the limit");
    MarginState s = venue.marginState(cross(0));
    assertTrue(s.initialRequirement() <= s.equity(), s.toString());
    // It sits at the limit: one more 0.0001 ETH (0.02 USD of IMR) breaches initial margin.
    assertThrows(IllegalStateException.class, () -> venue.open(cross(0), ETH, 1e-4));
  }

  @Test
  void test_setUp_crossMarginMixedInitialMarginsNeverBreachesInitialMargin() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue =
        ctx.addVenue(
            new FakePerpetualVenue(VENUE, false, ctx.ledger(), USD)
                .market(ETH, ETH_MARK, 0.1, 0.05)
                .market(BTC, BTC_MARK, 0.25, 0.125));
    // 50x is above both markets' maxima (10x and 4x); the open must still succeed.
    setUp(constantUsd(ETH_70_BTC_30, 1, 10_000, 50, 1.0), ctx);

    MarginState s = venue.marginState(cross(0));
    assertTrue(s.initialRequirement() <= s.equity(), s.toString());
    double ethNotional = venue.size(cross(0), ETH) * ETH_MARK;
    double btcNotional = venue.size(cross(0), BTC) * BTC_MARK;
    assertTrue(ethNotional > 0 && btcNotional > 0);
    assertRel(0.7 / 0.3, ethNotional / btcNotional);
  }

  @Test
  void test_setUp_crossMarginCapIsTheAccountsWeightedInitialMargin() {
    // ETH IMF 0.1 and BTC IMF 0.25 at 70/30 share one account: IMR = equity * L * (0.7*0.1 +
    // 0.3*0.25)
    // = equity * L * 0.145, so the account allows L up to 1/0.145 = 6.896551724..., not min(10, 4)
    // = 4.
    double cap = 1 / (0.7 * 0.1 + 0.3 * 0.25);
    for (double drawn : new double[] {6.0, 8.0}) {
      FakeAgentContext ctx = context();
      FakePerpetualVenue venue =
          ctx.addVenue(
              new FakePerpetualVenue(VENUE, false, ctx.ledger(), USD)
                  .market(ETH, ETH_MARK, 0.1, 0.05)
                  .market(BTC, BTC_MARK, 0.25, 0.125));
      setUp(constantUsd(ETH_70_BTC_30, 1, 10_000, drawn, 1.0), ctx);
      double used = Math.min(drawn, cap * (1 - 1e-9));
      // 6x is below the cap and kept: ETH notional 10,000 * 6 * 0.7 = 42,000 -> 21 ETH.
      assertRel(10_000 * used * 0.7 / ETH_MARK, venue.size(cross(0), ETH));
      assertRel(10_000 * used * 0.3 / BTC_MARK, venue.size(cross(0), BTC));
      MarginState s = venue.marginState(cross(0));
      assertTrue(s.initialRequirement() <= s.equity(), s.toString());
    }
  }

  @Test
  void test_setUp_crossMarginOneAccountSplitsNotional70To30() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(constantUsd(ETH_70_BTC_30, 1, 10_000, 4, 1.0), ctx);

    assertEquals(List.of(cross(0)), venue.marginAccounts(), "one cross account per trader");
    assertEquals("perp-a/accounts/traders/0000", cross(0).value());
    assertEquals(10_000_000_000L, ctx.ledger().balance(cross(0), USD));
    assertFalse(ctx.ledger().isOpen(cross(0).child("ETH")));
    // equity * leverage = 40,000: ETH 0.7 -> 28,000 / 2,000 = 14 ETH; BTC 0.3 -> 12,000 / 50,000 =
    // 0.24 BTC
    assertRel(14.0, venue.size(cross(0), ETH));
    assertRel(0.24, venue.size(cross(0), BTC));
  }

  @Test
  void test_setUp_weightsAreNormalisedOverThePopulationsMarkets() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    List<MarketWeight> sevenThree = List.of(new MarketWeight(ETH, 7), new MarketWeight(BTC, 3));
    setUp(constantUsd(sevenThree, 1, 10_000, 4, 1.0), ctx);

    // Weights 7 : 3 are the same split as 0.7 : 0.3 (see the test above).
    assertRel(14.0, venue.size(cross(0), ETH));
    assertRel(0.24, venue.size(cross(0), BTC));
  }

  @Test
  void test_setUp_isolatedMarginSplitsCollateral70To30AcrossTwoAccounts() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, true);
    setUp(constantUsd(ETH_70_BTC_30, 1, 1234.5, 3, 1.0), ctx);

    AccountId ethAccount = AccountId.of("perp-a/accounts/traders/0000/ETH");
    AccountId btcAccount = AccountId.of("perp-a/accounts/traders/0000/BTC");
    assertEquals(List.of(ethAccount, btcAccount), venue.marginAccounts());
    assertFalse(ctx.ledger().isOpen(cross(0)), "no cross account under isolated margin");
    long eth = ctx.ledger().balance(ethAccount, USD);
    long btc = ctx.ledger().balance(btcAccount, USD);
    // 1234.5 USD = 1,234,500,000 atoms; 70% = 864,150,000 (within an atom of floor rounding)
    assertEquals(1_234_500_000L, eth + btc, "the split loses no atom");
    assertEquals(864_150_000L, eth, 1.0);
    assertEquals(0, ctx.ledger().balance(wallet(0), USD));
    // each account opens its own equity * 3: 864.15 * 3 / 2,000 = 1.296225 ETH; 370.35 * 3 / 50,000
    // = 0.022221 BTC
    assertRel(Precision.MICRO.units(eth) * 3 / ETH_MARK, venue.size(ethAccount, ETH));
    assertRel(Precision.MICRO.units(btc) * 3 / BTC_MARK, venue.size(btcAccount, BTC));
    assertEquals(1.296225, venue.size(ethAccount, ETH), 1e-8);
    assertEquals(0.022221, venue.size(btcAccount, BTC), 1e-8);
    assertEquals(0.0, venue.size(ethAccount, BTC), 0.0);
    assertEquals(0.0, venue.size(btcAccount, ETH), 0.0);
  }

  @Test
  void test_setUp_nonBaseCollateralIsEndowedAndDepositedInEth() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(
        spec(
            "traders",
            ETH_ONLY,
            1,
            ETH,
            new Distribution.Constant(5),
            new Distribution.Constant(2),
            1.0),
        ctx);

    Ledger ledger = ctx.ledger();
    assertEquals(5_000_000L, ledger.balance(cross(0), ETH), "5 ETH deposited");
    assertEquals(0, ledger.balance(cross(0), USD));
    assertEquals(0, ledger.balance(wallet(0), ETH));
    assertEquals(-5_000_000L, ledger.balance(Ledger.EXTERNAL, ETH));
    assertEquals(0, ledger.balance(Ledger.EXTERNAL, USD), "no base currency endowed");
    // equity = 5 * 2,000 * (1 - 0.1) = 9,000; size = 9,000 * 2 / 2,000 = 9 ETH
    assertRel(9000, venue.marginState(cross(0)).equity());
    assertRel(9.0, venue.size(cross(0), ETH));
  }

  @Test
  void test_setUp_zeroCollateralOpensWalletButNoPosition() {
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(constantUsd(ETH_ONLY, 2, 0, 5, 1.0), ctx);

    assertTrue(ctx.ledger().isOpen(wallet(1)));
    assertTrue(venue.marginAccounts().isEmpty());
  }

  @Test
  void test_setUp_drawsCollateralThenLeverageThenSideFromOwnStream() {
    Distribution collateral = new Distribution.Uniform(1_000, 50_000);
    Distribution leverage = new Distribution.Uniform(1.5, 8); // below the max of 10: never capped
    double longShare = 0.6;
    int count = 40;
    FakeAgentContext ctx = context();
    FakePerpetualVenue venue = venue(ctx, false);
    setUp(spec("traders", ETH_ONLY, count, USD, collateral, leverage, longShare), ctx);

    RandomStream expected = new RandomStreams(SEED, 0).stream("agents/traders");
    int longs = 0;
    for (int k = 0; k < count; k++) {
      double units = expected.next(collateral);
      double lev = expected.next(leverage);
      double side = expected.nextUniform() < longShare ? 1 : -1;
      long atoms = Precision.MICRO.floorAtoms(units);
      assertEquals(atoms, ctx.ledger().balance(cross(k), USD), "collateral of trader " + k);
      assertRel(side * Precision.MICRO.units(atoms) * lev / ETH_MARK, venue.size(cross(k), ETH));
      longs += side > 0 ? 1 : 0;
    }
    assertTrue(longs > 0 && longs < count, "both sides drawn: " + longs + " longs of " + count);
  }

  @Test
  void test_setUp_anotherPopulationDoesNotChangeThisPopulationsDraws() {
    Distribution collateral = new Distribution.Uniform(1_000, 50_000);
    Distribution leverage = new Distribution.Uniform(1.5, 8);
    LeveragedTradersSpec traders = spec("traders", ETH_ONLY, 20, USD, collateral, leverage, 0.5);
    LeveragedTradersSpec whales =
        spec("whales", ETH_70_BTC_30, 15, USD, new Distribution.Uniform(1e5, 1e6), leverage, 0.3);

    FakeAgentContext alone = context();
    FakePerpetualVenue aloneVenue = venue(alone, false);
    traders.resolve(new RandomStreams(SEED, 0)).setUp(alone);

    FakeAgentContext both = context();
    FakePerpetualVenue bothVenue = venue(both, false);
    RandomStreams shared = new RandomStreams(SEED, 0);
    whales.resolve(shared).setUp(both);
    traders.resolve(shared).setUp(both);
    assertEquals(List.of("agents/traders", "agents/whales"), List.copyOf(shared.seeds().keySet()));

    for (int k = 0; k < 20; k++) {
      assertEquals(alone.ledger().balance(cross(k), USD), both.ledger().balance(cross(k), USD));
      assertEquals(aloneVenue.size(cross(k), ETH), bothVenue.size(cross(k), ETH), 0.0);
    }
  }

  @Test
  void test_setUp_accountNamesAreZeroPaddedToAtLeastFourDigits() {
    FakeAgentContext small = context();
    venue(small, false);
    setUp(constantUsd(ETH_ONLY, 12, 0, 5, 1.0), small);
    assertTrue(small.ledger().isOpen(AccountId.of("traders/0000")));
    assertTrue(small.ledger().isOpen(AccountId.of("traders/0011")));
    assertFalse(small.ledger().isOpen(AccountId.of("traders/0012")));

    // 10,001 traders: the last index 10000 has five digits, so every name has five.
    FakeAgentContext large = context();
    venue(large, false);
    setUp(constantUsd(ETH_ONLY, 10_001, 0, 5, 1.0), large);
    assertTrue(large.ledger().isOpen(AccountId.of("traders/00000")));
    assertTrue(large.ledger().isOpen(AccountId.of("traders/10000")));
    assertFalse(large.ledger().isOpen(AccountId.of("traders/0000")));
  }
}
