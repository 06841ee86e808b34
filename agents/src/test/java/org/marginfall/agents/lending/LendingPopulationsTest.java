package org.marginfall.agents.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/** Set-up of lending suppliers and borrowers against a fake lending venue over a real ledger. */
class LendingPopulationsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AUSD = AssetId.of("aUSD");
  private static final AssetId AETH = AssetId.of("aETH");
  private static final VenueId VENUE = VenueId.of("aave");
  private static final long SEED = 42;

  private static FakeAgentContext context() {
    return new FakeAgentContext(List.of(USD, ETH, AUSD, AETH));
  }

  /** ETH at 2000 with exchange rate 1.25 and LTV 0.8; USD at 1 with rate 1.0 and LTV 0.85. */
  private static FakeLendingVenue venue(FakeAgentContext ctx) {
    return ctx.addVenue(
        new FakeLendingVenue("aave", ctx.ledger())
            .reserve(USD, AUSD, 1, 1.0, 0.85)
            .reserve(ETH, AETH, 2_000, 1.25, 0.8));
  }

  private static AccountId wallet(String population, int k) {
    return AccountId.of(population, String.format(java.util.Locale.ROOT, "%04d", k));
  }

  @Test
  void test_setUp_suppliersSupplyEachAssetAndHoldReceipts() {
    FakeAgentContext ctx = context();
    FakeLendingVenue v = venue(ctx);
    LendingSuppliersSpec spec =
        new LendingSuppliersSpec(
            "lenders",
            VENUE,
            3,
            List.of(
                new SupplyAmount(USD, new Distribution.Constant(10_000)),
                new SupplyAmount(ETH, new Distribution.Uniform(1, 5))));
    spec.resolve(new RandomStreams(SEED, 0)).setUp(ctx);
    // The draws come from the population's own stream, in supplier order then entry order.
    RandomStream own = new RandomStreams(SEED, 0).stream("agents/lenders");
    long ethTotal = 0;
    for (int k = 0; k < 3; k++) {
      AccountId w = wallet("lenders", k);
      own.next(new Distribution.Constant(10_000));
      long eth = Precision.MICRO.floorAtoms(own.next(new Distribution.Uniform(1, 5)));
      // 10,000 USD at rate 1 -> 10,000 aUSD; ETH at rate 1.25 -> floor(eth / 1.25) aETH.
      assertEquals(Precision.MICRO.atoms(10_000), ctx.balance(w, AUSD));
      assertEquals((long) Math.floor(eth / 1.25), ctx.balance(w, AETH));
      assertEquals(0, ctx.balance(w, USD));
      assertEquals(0, ctx.balance(w, ETH));
      ethTotal += eth;
    }
    assertEquals(Precision.MICRO.atoms(30_000), ctx.balance(v.pool(USD), USD));
    assertEquals(ethTotal, ctx.balance(v.pool(ETH), ETH));
    assertEquals(List.of(), ctx.ledger().audit());
  }

  @Test
  void test_setUp_borrowersBorrowTargetLtvCappedAtVenueLtv() {
    FakeAgentContext ctx = context();
    FakeLendingVenue v = venue(ctx);
    ctx.ledger().open(AccountId.of("seed"), org.marginfall.core.ledger.AccountType.ORDINARY);
    ctx.ledger()
        .transfer(Ledger.EXTERNAL, AccountId.of("seed"), USD, Precision.MICRO.atoms(1_000_000));
    v.supply(AccountId.of("seed"), USD, Precision.MICRO.atoms(1_000_000));
    LendingBorrowersSpec spec =
        new LendingBorrowersSpec(
            "borrowers",
            VENUE,
            2,
            ETH,
            new Distribution.Constant(8),
            USD,
            new Distribution.Uniform(0.5, 0.95));
    spec.resolve(new RandomStreams(SEED, 0)).setUp(ctx);
    RandomStream own = new RandomStreams(SEED, 0).stream("agents/borrowers");
    for (int k = 0; k < 2; k++) {
      own.next(new Distribution.Constant(8));
      double target = own.next(new Distribution.Uniform(0.5, 0.95));
      AccountId w = wallet("borrowers", k);
      AccountId account =
          AccountId.of(
              "aave", "accounts", "borrowers", String.format(java.util.Locale.ROOT, "%04d", k));
      // 8 ETH at rate 1.25 -> 6.4 aETH, worth 6.4 × 1.25 × 2000 = 16,000; borrow
      // 16,000 × min(target, 0.8 × (1 − 1e-6)) USD, held in the wallet.
      assertEquals(Precision.MICRO.atoms(6.4), ctx.balance(account, AETH));
      long expected = Precision.MICRO.floorAtoms(16_000 * Math.min(target, 0.8 * (1 - 1e-6)));
      assertEquals(expected, ctx.balance(w, USD));
      assertEquals(Precision.MICRO.units(expected), v.debt(account, USD), 0);
    }
    assertEquals(2, v.borrows.size());
    // No borrow exceeds the LTV cap 0.8 × 16,000 = 12,800.
    assertTrue(v.borrows.stream().allMatch(b -> b.atoms() <= Precision.MICRO.atoms(12_800)));
  }

  @Test
  void test_setUp_failsWhenReserveCannotLend() {
    FakeAgentContext ctx = context();
    FakeLendingVenue v = venue(ctx);
    LendingBorrowersSpec spec =
        new LendingBorrowersSpec(
            "borrowers",
            VENUE,
            1,
            ETH,
            new Distribution.Constant(1),
            USD,
            new Distribution.Constant(0.5));
    // The reserve holds no USD: the borrow is refused and the set-up fails loudly.
    assertThrows(
        IllegalStateException.class, () -> spec.resolve(new RandomStreams(SEED, 0)).setUp(ctx));
    assertEquals(0, v.borrows.size());
  }
}
