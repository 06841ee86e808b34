package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.VenueId;

/**
 * {@link PerpetualExchange#reduce} under a fixed-seed sequence of opens, price moves, reductions
 * (including refused ones) and liquidations by several cross and isolated accounts with impact in
 * both markets: after every operation every asset sums to zero atoms, no ordinary account is
 * negative and the venue's audit is clean; across the run the house's balance moves by exactly
 * minus the realised PnL its settlements booked, to one atom per settlement.
 */
class PerpetualReduceContractTest {

  @Test
  void test_reduce_conservesUnderRandomOperations() {
    for (MarginMode mode : List.of(MarginMode.CROSS, MarginMode.ISOLATED)) {
      run(mode);
    }
  }

  private static void run(MarginMode mode) {
    VenueHarness h =
        new VenueHarness(
            3000, new ImpactModel.LinearLog(5.0e6), 60000, new ImpactModel.LinearLog(5.0e7));
    PerpetualExchange venue =
        h.venue(
            new PerpetualVenueSpec(
                VenueId.of("perp"),
                ORACLE,
                mode,
                List.of(new PerpMarket(ETH, 0.1, 0.05), new PerpMarket(BTC, 0.1, 0.05)),
                List.of(new CollateralTerms(ETH, 0.1)),
                0.01,
                0.5,
                5_000,
                1_000_000));
    RandomStream rng = new RandomStream("test/reduce-contract", 99);
    AccountId keeper = h.fund("keeper", 10_000_000, 0);
    List<AccountId> accounts = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      AccountId owner = h.fund("o" + k, 20_000, k % 3 == 0 ? 5 : 0);
      for (var market : List.of(ETH, BTC)) {
        AccountId a = venue.marginAccount(owner, market);
        if (!accounts.contains(a)) {
          venue.deposit(
              owner, a, USD, Precision.MICRO.atoms(mode == MarginMode.CROSS ? 20_000 : 10_000));
          accounts.add(a);
        }
      }
    }
    AccountId house = AccountId.of("perp", "house");
    long houseStart = h.ledger.balance(house, USD);
    int settlements = 0;
    for (int step = 1; step <= 40; step++) {
      h.clock.step = step;
      h.setPrice(
          ETH,
          h.markets.market(ETH).fundamental() * StrictMath.exp(0.03 * rng.nextStandardNormal()));
      h.setPrice(
          BTC,
          h.markets.market(BTC).fundamental() * StrictMath.exp(0.02 * rng.nextStandardNormal()));
      for (AccountId a : accounts) {
        var market =
            mode == MarginMode.ISOLATED
                ? (a.value().endsWith("/ETH") ? ETH : BTC)
                : rng.nextUniform() < 0.5 ? ETH : BTC;
        double u = rng.nextUniform();
        double side = rng.nextUniform() < 0.6 ? 1 : -1;
        try {
          if (u < 0.4) {
            double max = venue.maxOpenSize(a, market, (int) side);
            if (max > 1e-6) {
              venue.open(a, market, side * max * 0.5);
            }
          } else if (u < 0.8) {
            venue.reduce(
                a, market, (rng.nextUniform() * 2) * (venue.markPrice(market) > 10_000 ? 0.2 : 4));
          }
        } catch (IllegalArgumentException | IllegalStateException refusedOrNoPosition) {
          // Refusals (no position, unpayable loss, wrong side for maxOpenSize) must move nothing;
          // the balance checks below hold either way.
        }
        h.assertBooksBalance(venue);
      }
      venue.markToMarket();
      for (var c : venue.liquidatable()) {
        venue.liquidate(c.account(), keeper);
        h.assertBooksBalance(venue);
      }
    }
    // Every settlement with the house (trades, reductions, book liquidations) moves it by minus the
    // realised PnL, rounded to an atom in the house's favour.
    double realised = 0;
    for (Trade t : h.eventsOf(Trade.class)) {
      realised += t.realizedPnl();
      settlements++;
    }
    for (Liquidation l : h.eventsOf(Liquidation.class)) {
      realised += l.realizedPnl();
      settlements++;
    }
    long houseMove = h.ledger.balance(house, USD) - houseStart;
    // Reductions are the only market trades made in an account's name (liquidations trade as the
    // venue).
    long reductions =
        h.eventsOf(MarketTrade.class).stream()
            .filter(t -> t.trader().startsWith("perp/accounts/"))
            .count();
    assertTrue(reductions > 50, "the sequence exercised reductions: " + reductions);
    assertEquals(-realised, Precision.MICRO.units(houseMove), 1e-6 * settlements + 1e-6);
  }
}
