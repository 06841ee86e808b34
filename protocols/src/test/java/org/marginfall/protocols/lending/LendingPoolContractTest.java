package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.lending.LendingHarness.BTC;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The lending venue's contract under random operations with a fixed seed, in both bad-debt modes:
 * after every operation each asset sums to zero atoms, no ordinary account is negative and the
 * venue's audit is empty; every account the venue does not report is healthy by the formula HF = Σ
 * receipts × rate × price × LT / Σ debt × price >= 1, recomputed here from ledger balances;
 * cumulative counters never decrease; and a receipt's exchange rate only falls through bad debt
 * (socialise mode) and never in deficit mode.
 */
class LendingPoolContractTest {

  private static final long SEED = 20_220_509L;
  private static final int OWNERS = 12;
  private static final int STEPS = 60;
  private static final List<AssetId> RESERVES = List.of(USD, ETH, BTC);

  @Test
  void test_randomOperations_socialize_keepBooksAndHealthTruthful() {
    run(BadDebtMode.SOCIALIZE);
  }

  @Test
  void test_randomOperations_deficit_keepBooksAndHealthTruthful() {
    run(BadDebtMode.DEFICIT);
  }

  private void run(BadDebtMode mode) {
    LendingHarness h = new LendingHarness(2_000, new ImpactModel.LinearLog(5.0e6), 50_000);
    LendingPool v = h.venue(LendingHarness.spec(mode));
    SplittableRandom rng = new SplittableRandom(SEED);
    AccountId lender = h.fund("lender", 2_000_000, 500);
    h.ledger.transfer(Ledger.EXTERNAL, lender, BTC, Precision.MICRO.atoms(20));
    v.supply(lender, USD, Precision.MICRO.atoms(1_500_000));
    v.supply(lender, ETH, Precision.MICRO.atoms(400));
    v.supply(lender, BTC, Precision.MICRO.atoms(15));
    List<AccountId> owners = new ArrayList<>();
    for (int i = 0; i < OWNERS; i++) {
      AccountId o = h.fund("owner" + i, 100_000, 40);
      h.ledger.transfer(Ledger.EXTERNAL, o, BTC, Precision.MICRO.atoms(2));
      owners.add(o);
      v.account(o);
    }
    AccountId liquidator = AccountId.of("liquidator");
    h.ledger.open(liquidator, AccountType.ORDINARY);
    h.ledger.transfer(Ledger.EXTERNAL, liquidator, USD, Precision.MICRO.atoms(5_000_000));
    h.assertBooksBalance(v);
    int liquidated = 0;
    int candidates = 0;
    double[] rateBefore = new double[RESERVES.size()];
    VenueSnapshot last = v.snapshot();
    for (int t = 1; t <= STEPS; t++) {
      h.clock.step = t;
      for (int k = 0; k < 10; k++) {
        AccountId owner = owners.get(rng.nextInt(OWNERS));
        AccountId account = v.account(owner);
        AssetId asset = RESERVES.get(rng.nextInt(RESERVES.size()));
        double price = v.price(asset);
        long atoms = Precision.MICRO.floorAtoms((500 + rng.nextDouble() * 20_000) / price);
        try {
          switch (rng.nextInt(7)) {
            case 0, 5 -> {
              // Mostly volatile collateral against mostly USD debt, so falling prices hurt.
              AssetId c = rng.nextInt(4) == 0 ? asset : rng.nextBoolean() ? ETH : BTC;
              v.depositCollateral(
                  owner,
                  account,
                  c,
                  Math.min(
                      Precision.MICRO.floorAtoms(20_000 / v.price(c)), h.ledger.balance(owner, c)));
            }
            case 1, 6 -> {
              AssetId d = rng.nextInt(4) == 0 ? asset : USD;
              v.borrow(account, d, borrowable(h, v, account, d, rng), owner);
            }
            case 2 ->
                v.repay(owner, account, asset, Math.min(atoms, h.ledger.balance(owner, asset)));
            case 3 -> v.supply(owner, asset, Math.min(atoms, h.ledger.balance(owner, asset)));
            default ->
                v.withdraw(
                    owner, asset, Math.min(atoms, h.ledger.balance(owner, v.receipt(asset))));
          }
        } catch (IllegalStateException | IllegalArgumentException refused) {
          // A refused operation (LTV, cash, empty wallet) must have moved nothing: checked below.
        }
        h.assertBooksBalance(v);
        assertHealthTruthful(h, v);
      }
      // Prices wander, with a 25% ETH crash every 15 steps and a 20% BTC crash every 20, so
      // accounts fall below HF 1, some far enough to leave bad debt.
      double eth = v.price(ETH) * (t % 15 == 0 ? 0.75 : 0.985 + rng.nextDouble() * 0.03);
      double btc = v.price(BTC) * (t % 20 == 0 ? 0.80 : 0.985 + rng.nextDouble() * 0.03);
      h.setPrice(ETH, eth);
      h.setPrice(BTC, btc);
      for (int i = 0; i < RESERVES.size(); i++) {
        rateBefore[i] = v.exchangeRate(RESERVES.get(i));
      }
      for (int round = 1; round <= 3; round++) {
        h.clock.round = round;
        v.markToMarket();
        for (LiquidationCandidate c : v.liquidatable()) {
          candidates++;
          if (v.liquidate(c.account(), liquidator).isPresent()) {
            liquidated++;
            // The liquidator sells what it received, as the liquidator population does.
            for (AssetId a : List.of(ETH, BTC)) {
              long held = h.ledger.balance(liquidator, a);
              if (held > 0) {
                h.markets.sell(liquidator, a, held);
              }
            }
          }
          h.assertBooksBalance(v);
          assertHealthTruthful(h, v);
        }
      }
      h.clock.round = 0;
      VenueSnapshot mid = v.snapshot();
      for (int i = 0; i < RESERVES.size(); i++) {
        double after = v.exchangeRate(RESERVES.get(i));
        if (mode == BadDebtMode.DEFICIT || mid.badDebt() == last.badDebt()) {
          assertTrue(
              after >= rateBefore[i] * (1 - 1e-12),
              "rate of " + RESERVES.get(i) + " fell without bad debt");
        }
      }
      v.settle();
      h.assertBooksBalance(v);
      VenueSnapshot now = v.snapshot();
      assertTrue(now.liquidations() >= last.liquidations());
      assertTrue(now.badDebt() >= last.badDebt());
      assertTrue(now.insurancePaid() >= last.insurancePaid());
      assertEquals(
          now.extras().keySet().stream().toList(), last.extras().keySet().stream().toList());
      last = now;
    }
    assertTrue(
        liquidated > 10,
        "the path liquidates (" + liquidated + " of " + candidates + " candidates)");
    assertTrue(last.badDebt() > 0, "the path leaves bad debt");
  }

  /** Up to the whole remaining borrowing power Σ receipts × rate × price × LTV − debt, in atoms. */
  private static long borrowable(
      LendingHarness h, LendingPool v, AccountId account, AssetId asset, SplittableRandom rng) {
    double room = 0;
    for (AssetId a : RESERVES) {
      room +=
          h.ledger.units(account, v.receipt(a)) * v.exchangeRate(a) * v.price(a) * v.loanToValue(a);
      room -= v.debt(account, a) * v.price(a);
    }
    return Math.max(
        1,
        Precision.MICRO.floorAtoms(
            Math.max(0, room) * (0.5 + rng.nextDouble() * 0.55) / v.price(asset)));
  }

  /** Every unreported account has HF >= 1 by the formula; every reported one HF < 1. */
  private static void assertHealthTruthful(LendingHarness h, LendingPool v) {
    Set<AccountId> listed = new LinkedHashSet<>();
    v.liquidatable().forEach(c -> listed.add(c.account()));
    for (int i = 0; i < OWNERS; i++) {
      AccountId account = v.account(AccountId.of("owner" + i));
      double weighted = 0;
      double debt = 0;
      for (AssetId a : RESERVES) {
        double lt = a.equals(USD) ? 0.885 : a.equals(ETH) ? 0.86 : 0.82;
        weighted += h.ledger.units(account, v.receipt(a)) * v.exchangeRate(a) * v.price(a) * lt;
        debt += v.debt(account, a) * v.price(a);
      }
      double hf = debt > 0 ? weighted / debt : Double.POSITIVE_INFINITY;
      assertEquals(hf < 1, listed.contains(account), account + " HF " + hf);
      assertEquals(hf, v.healthFactor(account), Double.isInfinite(hf) ? 0 : 1e-9 * hf);
    }
  }
}
