package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The perpetual venue's contract over a long, random-ish (fixed seed) sequence of deposits, opens,
 * price moves and liquidations by many accounts, in both margin modes. After every step: per-asset
 * conservation to the atom with every external balance explained, no ordinary account negative, the
 * venue's audit clean, every account's margin state equal to the calculator's formula applied to a
 * shadow book kept from the event stream, and every account not reported liquidatable at or above
 * its maintenance requirement (every reported one below it). Across the run the house's balance
 * moves by exactly minus the traders' realised PnL (to one atom per settlement) and the insurance
 * fund by its fee share minus what it paid.
 */
class PerpetualExchangeContractTest {

  private static final long SEED = 20_240_611L;
  private static final int OWNERS = 16;
  private static final int STEPS = 60;
  private static final int ROUNDS = 3;

  /**
   * A one-step gap (ETH -25%, BTC +15%) that leaves some accounts bankrupt, not just undermargined.
   */
  private static final int GAP_STEP = 40;

  private static final double ETH_GAP = 0.75;
  private static final double BTC_GAP = 1.15;
  private static final double ETH0 = 3000;
  private static final double BTC0 = 60000;
  private static final double ETH_DEPTH = 2.0e6;
  private static final double BTC_DEPTH = 2.0e7;
  private static final double ETH_HAIRCUT = 0.15;
  private static final double[] IMF = {0.10, 0.08};
  private static final double[] MMF = {0.05, 0.04};
  private static final List<AssetId> MARKETS = List.of(ETH, BTC);
  private static final double INSURANCE = 2000;
  private static final double HOUSE = 1.0e6;
  private static final double LIQUIDATOR_USD = 1.0e8;

  /** Margin amounts are up to ~10^5 USD: 1e-7 is far above double noise and below an atom. */
  private static final double TOL = 1e-7;

  private static final AccountId HOUSE_ACCOUNT = AccountId.of("perp", "house");
  private static final AccountId INSURANCE_ACCOUNT = AccountId.of("perp", "insurance");
  private static final AccountId BAD_DEBT_ACCOUNT = AccountId.of("perp", "bad-debt");

  /** What the test itself put into and took out of the model, to explain external balances. */
  private static final class Flows {
    long usdEndowed;
    long ethEndowed;
    long ethSold;
    long usdFromMarket;
  }

  /** Positions and entry prices rebuilt from Trade and Liquidation events alone. */
  private static final class ShadowBook {
    final Map<String, double[]> size = new HashMap<>();
    final Map<String, double[]> entry = new HashMap<>();
    int seen;

    void apply(List<SimEvent> events) {
      for (; seen < events.size(); seen++) {
        SimEvent e = events.get(seen);
        if (e instanceof Trade t) {
          int i = MARKETS.indexOf(AssetId.of(t.asset()));
          double[] s = size.computeIfAbsent(t.account(), k -> new double[2]);
          double[] p = entry.computeIfAbsent(t.account(), k -> new double[2]);
          double old = s[i];
          double next = old + t.size();
          if (next == 0) {
            p[i] = 0;
          } else if (old == 0 || Math.signum(old) == Math.signum(t.size())) {
            // Adding: size-weighted average of the old entry and the trade price.
            p[i] = (old * p[i] + t.size() * t.price()) / next;
          } else if (Math.signum(next) != Math.signum(old)) {
            // Flipped: the new position was opened at the trade price.
            p[i] = t.price();
          }
          s[i] = next;
        } else if (e instanceof Liquidation l) {
          int i = MARKETS.indexOf(AssetId.of(l.asset()));
          size.get(l.account())[i] = 0;
          entry.get(l.account())[i] = 0;
        }
      }
    }
  }

  @Test
  void test_contract_crossMargin() {
    runContract(MarginMode.CROSS);
  }

  @Test
  void test_contract_isolatedMargin() {
    runContract(MarginMode.ISOLATED);
  }

  private void runContract(MarginMode mode) {
    VenueHarness h =
        new VenueHarness(
            ETH0, new ImpactModel.LinearLog(ETH_DEPTH), BTC0, new ImpactModel.LinearLog(BTC_DEPTH));
    PerpetualExchange venue =
        h.venue(
            new PerpetualVenueSpec(
                VenueId.of("perp"),
                ORACLE,
                mode,
                List.of(new PerpMarket(ETH, IMF[0], MMF[0]), new PerpMarket(BTC, IMF[1], MMF[1])),
                List.of(new CollateralTerms(ETH, ETH_HAIRCUT)),
                0.01,
                0.5,
                INSURANCE,
                HOUSE));
    SplittableRandom rng = new SplittableRandom(SEED);
    Flows flows = new Flows();
    ShadowBook book = new ShadowBook();
    Set<AccountId> accounts = new LinkedHashSet<>();
    List<AccountId> owners = new ArrayList<>();
    AccountId liquidator = h.fund("liquidator", LIQUIDATOR_USD, 0);
    flows.usdEndowed += Precision.MICRO.atoms(LIQUIDATOR_USD);
    int rejected = 0;

    // Set-up: every owner deposits USD (and every other one ETH) and opens an ETH and a BTC
    // position of random side and size, halving the size until the initial margin allows it.
    for (int i = 0; i < OWNERS; i++) {
      double usd = Math.rint(1000 + 4000 * rng.nextDouble());
      double eth = i % 2 == 1 ? Math.rint(2e6 * rng.nextDouble()) / 1e6 : 0;
      AccountId owner = h.fund(String.format(Locale.ROOT, "owner-%02d", i), usd, eth);
      owners.add(owner);
      flows.usdEndowed += Precision.MICRO.atoms(usd);
      flows.ethEndowed += Precision.MICRO.atoms(eth);
      for (AssetId m : MARKETS) {
        AccountId a = venue.marginAccount(owner, m);
        accounts.add(a);
        venue.deposit(owner, a, USD, h.ledger.balance(owner, USD) / (m.equals(ETH) ? 2 : 1));
        venue.deposit(owner, a, ETH, h.ledger.balance(owner, ETH) / (m.equals(ETH) ? 2 : 1));
      }
      rejected += tryOpen(h, venue, venue.marginAccount(owner, ETH), ETH, randomSize(rng, ETH));
      rejected += tryOpen(h, venue, venue.marginAccount(owner, BTC), BTC, randomSize(rng, BTC));
    }
    checkContract(h, venue, flows, book, accounts);

    double eth = ETH0;
    double btc = BTC0;
    for (int t = 1; t <= STEPS; t++) {
      h.clock.step = t;
      // ETH drifts down about 0.6% a step, BTC up about 0.2%, each with +-2% uniform noise.
      eth *= Math.exp(-0.006 + 0.04 * (rng.nextDouble() - 0.5));
      btc *= Math.exp(0.002 + 0.04 * (rng.nextDouble() - 0.5));
      if (t == GAP_STEP) {
        eth *= ETH_GAP;
        btc *= BTC_GAP;
      }
      h.setPrice(ETH, eth);
      h.setPrice(BTC, btc);
      // One random trade a step, by a random owner.
      AccountId owner = owners.get(rng.nextInt(OWNERS));
      AssetId m = MARKETS.get(rng.nextInt(2));
      rejected += tryOpen(h, venue, venue.marginAccount(owner, m), m, randomSize(rng, m));
      // Liquidation rounds, as the engine runs them: re-read, mark, liquidate every candidate,
      // sell what was acquired into the market (moving the price the next round reads).
      for (int r = 1; r <= ROUNDS; r++) {
        h.clock.round = r;
        h.republish(ETH);
        h.republish(BTC);
        venue.markToMarket();
        List<LiquidationCandidate> candidates = venue.liquidatable();
        if (candidates.isEmpty()) {
          break;
        }
        for (LiquidationCandidate c : candidates) {
          Optional<LiquidationOutcome> out = venue.liquidate(c.account(), liquidator);
          for (Holding held : out.map(LiquidationOutcome::acquired).orElse(List.of())) {
            Execution e = h.markets.sell(liquidator, held.asset(), held.atoms());
            flows.ethSold += held.atoms();
            flows.usdFromMarket += Precision.MICRO.floorAtoms(e.value());
          }
        }
      }
      h.clock.round = 0;
      venue.markToMarket();
      checkContract(h, venue, flows, book, accounts);
    }

    // The sequence exercised what the contract is about (these counts depend only on the seed).
    VenueSnapshot s = venue.snapshot();
    assertTrue(s.liquidations() > 0, "some liquidations");
    assertTrue(h.eventsOf(CollateralSale.class).size() > 0, "some collateral sales");
    assertTrue(rejected > 0, "some opens refused for initial margin");
    assertTrue(s.insurancePaid() > 0, "the gap drew on the insurance fund");
    assertEquals(mode == MarginMode.CROSS ? OWNERS : 2 * OWNERS, s.accounts());

    // House: moves by minus the traders' realised PnL, to one atom per settlement.
    double realised = 0;
    int settlements = 0;
    for (Trade tr : h.eventsOf(Trade.class)) {
      realised += tr.realizedPnl();
      settlements++;
    }
    for (Liquidation l : h.eventsOf(Liquidation.class)) {
      realised += l.realizedPnl();
      settlements++;
    }
    long houseDelta = h.ledger.balance(HOUSE_ACCOUNT, USD) - Precision.MICRO.atoms(HOUSE);
    assertEquals(-realised, Precision.MICRO.units(houseDelta), settlements * 1e-6 + TOL);
    // Insurance fund: start + fee share - payouts.
    double feeShare =
        h.eventsOf(Liquidation.class).stream().mapToDouble(Liquidation::feeToInsurance).sum();
    assertEquals(INSURANCE + feeShare - s.insurancePaid(), s.insuranceFund(), 1e-6);
  }

  private static double randomSize(SplittableRandom rng, AssetId market) {
    double side = rng.nextBoolean() ? 1 : -1;
    double units =
        market.equals(ETH) ? 0.5 + 9.5 * rng.nextDouble() : 0.02 + 0.5 * rng.nextDouble();
    return side * Math.rint(units * 1e4) / 1e4;
  }

  /** Opens, halving the size after each refusal (at most four tries); returns the refusals. */
  private static int tryOpen(
      VenueHarness h, PerpetualExchange venue, AccountId a, AssetId m, double size) {
    int refusals = 0;
    for (int k = 0; k < 4; k++) {
      MarginState before = venue.marginState(a);
      long[][] balances = h.balances();
      int events = h.events.size();
      try {
        venue.open(a, m, size);
        return refusals;
      } catch (IllegalStateException refused) {
        // A refused open leaves everything as it was.
        refusals++;
        assertArrayEquals(balances, h.balances());
        assertEquals(events, h.events.size());
        MarginState after = venue.marginState(a);
        assertEquals(before.equity(), after.equity(), 0);
        assertEquals(before.maintenanceRequirement(), after.maintenanceRequirement(), 0);
        size = Math.rint(size / 2 * 1e4) / 1e4;
      }
    }
    return refusals;
  }

  private static void checkContract(
      VenueHarness h,
      PerpetualExchange venue,
      Flows flows,
      ShadowBook book,
      Set<AccountId> accounts) {
    Ledger ledger = h.ledger;
    // Conservation: every asset sums to zero, and every external balance is what the test and the
    // venue's bad debt explain.
    for (AssetId a : VenueHarness.ASSETS) {
      assertEquals(0L, ledger.total(a), "total " + a);
    }
    assertEquals(List.of(), ledger.audit());
    VenueSnapshot s = venue.snapshot();
    assertEquals(
        -(flows.usdEndowed + Precision.MICRO.atoms(HOUSE) + Precision.MICRO.atoms(INSURANCE)),
        ledger.balance(Ledger.EXTERNAL, USD));
    assertEquals(-flows.ethEndowed, ledger.balance(Ledger.EXTERNAL, ETH));
    assertEquals(flows.ethSold, ledger.balance(Markets.account(ETH), ETH));
    assertEquals(-flows.usdFromMarket, ledger.balance(Markets.account(ETH), USD));
    assertEquals(0, ledger.balance(Markets.account(BTC), USD));
    assertEquals(-Precision.MICRO.atoms(s.badDebt()), ledger.balance(BAD_DEBT_ACCOUNT, USD));
    // No ordinary account below zero.
    Set<AccountId> external =
        Set.of(Ledger.EXTERNAL, Markets.account(ETH), Markets.account(BTC), BAD_DEBT_ACCOUNT);
    for (AccountId id : ledger.accounts()) {
      if (!external.contains(id)) {
        for (AssetId a : VenueHarness.ASSETS) {
          assertTrue(ledger.balance(id, a) >= 0, id + " holds a negative balance of " + a);
        }
      }
    }
    assertTrue(ledger.balance(INSURANCE_ACCOUNT, USD) >= 0);
    assertEquals(List.of(), venue.audit());

    // Every account's state is the calculator's formula over the shadow book; the liquidatable
    // list holds exactly the accounts below maintenance.
    book.apply(h.events);
    Set<AccountId> listed = new LinkedHashSet<>();
    venue.liquidatable().forEach(c -> listed.add(c.account()));
    double ethPrice = venue.markPrice(ETH);
    double btcPrice = venue.markPrice(BTC);
    for (AccountId a : accounts) {
      List<PerpMarginCalculator.CollateralLine> collateral =
          List.of(
              new PerpMarginCalculator.CollateralLine(ledger.units(a, USD), 1, 0),
              new PerpMarginCalculator.CollateralLine(ledger.units(a, ETH), ethPrice, ETH_HAIRCUT));
      List<PerpMarginCalculator.PositionLine> positions = new ArrayList<>();
      double[] size = book.size.getOrDefault(a.value(), new double[2]);
      double[] entry = book.entry.getOrDefault(a.value(), new double[2]);
      double[] marks = {ethPrice, btcPrice};
      for (int i = 0; i < 2; i++) {
        if (size[i] != 0) {
          positions.add(
              new PerpMarginCalculator.PositionLine(size[i], entry[i], marks[i], IMF[i], MMF[i]));
        }
      }
      MarginState expected = PerpMarginCalculator.DEFAULT.state(collateral, positions);
      MarginState actual = venue.marginState(a);
      assertEquals(expected.equity(), actual.equity(), TOL, a + " equity");
      assertEquals(expected.initialRequirement(), actual.initialRequirement(), TOL, a + " IMR");
      assertEquals(
          expected.maintenanceRequirement(), actual.maintenanceRequirement(), TOL, a + " MMR");
      if (listed.contains(a)) {
        assertTrue(
            expected.equity() < expected.maintenanceRequirement(), a + " listed but healthy");
      } else {
        assertTrue(
            expected.maintenanceRequirement() == 0
                || expected.equity() >= expected.maintenanceRequirement(),
            a + " below maintenance but not listed: " + expected);
      }
    }
  }
}
