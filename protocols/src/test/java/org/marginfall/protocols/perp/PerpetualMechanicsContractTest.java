package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.HLP;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The perpetual venue's contract with every mechanism switched on (partial liquidation, backstop
 * vault, ADL under each rule, socialized loss, median mark, funding, tiered maintenance, a
 * collateral cap and the staleness guard), over a fixed-seed sequence of opens, price moves with a
 * gap, a BTC oracle outage, liquidation rounds and settlements. After every operation: every asset
 * sums to zero atoms, every external balance is explained (endowments, house, fund and vault
 * capital, minted shares, bad debt), no ordinary account is negative, the venue's audit is clean,
 * and the ADL and funding extras agree with their events.
 */
class PerpetualMechanicsContractTest {

  private static final long SEED = 20_251_010L;
  private static final int OWNERS = 16;
  private static final int STEPS = 60;
  private static final int ROUNDS = 3;
  private static final int GAP_STEP = 40;

  /** BTC's feed does not publish on these steps: an oracle outage the guard must catch. */
  private static final int OUTAGE_FROM = 20;

  private static final int OUTAGE_TO = 26;
  private static final double INSURANCE = 500;
  private static final double HOUSE = 1.0e6;
  private static final double VAULT = 20_000;
  private static final double LIQUIDATOR_USD = 1.0e8;

  private static PerpetualVenueSpec spec(MarginMode mode, DeleveragingRule rule) {
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        mode,
        List.of(
            new PerpMarket(
                ETH, 0.10, 0.05, List.of(new MarginTier(0, 0.05), new MarginTier(20_000, 0.08))),
            new PerpMarket(BTC, 0.08, 0.04)),
        List.of(new CollateralTerms(ETH, 0.15, 3000)),
        0.01,
        0.5,
        INSURANCE,
        HOUSE,
        new LiquidationTerms(LiquidationMode.PARTIAL, 0.5, 10_000),
        Optional.of(new BackstopTerms(HLP, VAULT, 2.0 / 3, 0.25)),
        new DeleveragingTerms(rule, true),
        new PricingTerms(MarkPriceRule.MEDIAN, 3, 4, 0.0001, 0.0005, 3, StaleAction.PAUSE));
  }

  @Test
  void test_contract_pnlLeverageCross() {
    runContract(MarginMode.CROSS, DeleveragingRule.PNL_LEVERAGE);
  }

  @Test
  void test_contract_proRataCross() {
    runContract(MarginMode.CROSS, DeleveragingRule.PRO_RATA);
  }

  @Test
  void test_contract_randomStartIsolated() {
    runContract(MarginMode.ISOLATED, DeleveragingRule.RANDOM_START);
  }

  private void runContract(MarginMode mode, DeleveragingRule rule) {
    VenueHarness h =
        new VenueHarness(
            3000, new ImpactModel.LinearLog(2.0e6), 60000, new ImpactModel.LinearLog(2.0e7));
    PerpetualExchange venue = h.venue(spec(mode, rule));
    SplittableRandom rng = new SplittableRandom(SEED);
    long[] endowed = new long[VenueHarness.ASSETS.size()];
    List<AccountId> owners = new ArrayList<>();
    AccountId liquidator = h.fund("liquidator", LIQUIDATOR_USD, 0);
    endowed[0] += Precision.MICRO.atoms(LIQUIDATOR_USD);
    for (int i = 0; i < OWNERS; i++) {
      double usd = Math.rint(1000 + 4000 * rng.nextDouble());
      double eth = i % 2 == 1 ? Math.rint(2e6 * rng.nextDouble()) / 1e6 : 0;
      AccountId owner = h.fund(String.format(Locale.ROOT, "owner-%02d", i), usd, eth);
      owners.add(owner);
      endowed[0] += Precision.MICRO.atoms(usd);
      endowed[1] += Precision.MICRO.atoms(eth);
      for (AssetId m : List.of(ETH, BTC)) {
        AccountId a = venue.marginAccount(owner, m);
        venue.deposit(owner, a, USD, h.ledger.balance(owner, USD) / (m.equals(ETH) ? 2 : 1));
        venue.deposit(owner, a, ETH, h.ledger.balance(owner, ETH) / (m.equals(ETH) ? 2 : 1));
      }
      tryOpen(venue, venue.marginAccount(owner, ETH), ETH, size(rng, ETH));
      tryOpen(venue, venue.marginAccount(owner, BTC), BTC, size(rng, BTC));
      check(h, venue, endowed);
    }
    double eth = 3000;
    double btc = 60000;
    for (int t = 1; t <= STEPS; t++) {
      h.clock.step = t;
      eth *= Math.exp(-0.006 + 0.04 * (rng.nextDouble() - 0.5));
      btc *= Math.exp(-0.004 + 0.04 * (rng.nextDouble() - 0.5));
      if (t == GAP_STEP) {
        eth *= 0.7;
      }
      h.setPrice(ETH, eth);
      boolean outage = t >= OUTAGE_FROM && t <= OUTAGE_TO;
      if (outage) {
        h.markets.market(BTC).setFundamental(btc);
      } else {
        h.setPrice(BTC, btc);
      }
      AccountId owner = owners.get(rng.nextInt(OWNERS));
      AssetId m = rng.nextBoolean() ? ETH : BTC;
      tryOpen(venue, venue.marginAccount(owner, m), m, size(rng, m));
      check(h, venue, endowed);
      for (int r = 1; r <= ROUNDS; r++) {
        h.clock.round = r;
        h.republish(ETH);
        if (!outage) {
          h.republish(BTC);
        }
        venue.markToMarket();
        List<LiquidationCandidate> candidates = venue.liquidatable();
        if (candidates.isEmpty()) {
          break;
        }
        for (LiquidationCandidate c : candidates) {
          Optional<LiquidationOutcome> out = venue.liquidate(c.account(), liquidator);
          for (Holding held : out.map(LiquidationOutcome::acquired).orElse(List.of())) {
            Execution e = h.markets.sell(liquidator, held.asset(), held.atoms());
            assertTrue(e.value() >= 0);
          }
          check(h, venue, endowed);
        }
      }
      h.clock.round = 0;
      venue.settle();
      check(h, venue, endowed);
    }
    // The sequence exercised the mechanisms (these counts depend only on the seed).
    Map<String, Double> x = venue.snapshot().extras();
    assertTrue(x.get("partialLiquidations") > 0, "some partial liquidations: " + x);
    assertTrue(x.get("backstopTakeovers") > 0, "some backstop takeovers: " + x);
    assertTrue(x.get("adlFills") > 0, "some ADL fills: " + x);
    assertTrue(x.get("stalePausedSteps") > 0, "the BTC outage paused liquidations: " + x);
    assertTrue(!h.eventsOf(FundingSettlement.class).isEmpty(), "funding was settled");
  }

  /** The contract, checked after every operation. */
  private static void check(VenueHarness h, PerpetualExchange venue, long[] endowed) {
    Ledger ledger = h.ledger;
    for (AssetId a : VenueHarness.ASSETS) {
      assertEquals(0L, ledger.total(a), "ledger total of " + a);
    }
    assertEquals(List.of(), ledger.audit(), "ledger audit");
    // External balances: the test's endowments and the venue's start-up capital (house, fund,
    // vault) came from EXTERNAL; the market accounts hold the other side of collateral sales.
    long fromOutside =
        endowed[0]
            + Precision.MICRO.atoms(HOUSE)
            + Precision.MICRO.atoms(INSURANCE)
            + Precision.MICRO.atoms(VAULT);
    assertEquals(-fromOutside, ledger.balance(Ledger.EXTERNAL, USD), "EXTERNAL USD");
    assertEquals(
        -Precision.MICRO.atoms(VAULT), ledger.balance(AccountId.of("perp/backstop/issuer"), HLP));
    assertEquals(
        Precision.MICRO.atoms(VAULT),
        ledger.balance(AccountId.of("perp/backstop/depositors"), HLP));
    VenueSnapshot s = venue.snapshot();
    assertEquals(-s.badDebt(), ledger.units(AccountId.of("perp", "bad-debt"), USD), 1e-9);
    venue.markToMarket();
    assertEquals(List.of(), venue.audit(), "venue audit");
    // ADL extras agree with the events; funding extras with theirs.
    double over = 0;
    double paid = 0;
    double received = 0;
    for (SimEvent e : h.events) {
      if (e instanceof AutoDeleverage d) {
        over += d.overDeleveraging();
      } else if (e instanceof FundingSettlement f) {
        paid += f.paid();
        received += f.received();
      }
    }
    Map<String, Double> x = s.extras();
    assertEquals(over, x.get("adlOverDeleveraging"), 1e-6);
    assertEquals(
        x.get("adlProfitTaken") - x.get("adlShortfall"), x.get("adlOverDeleveraging"), 1e-6);
    assertEquals(paid, x.get("fundingPaid"), 1e-6);
    assertEquals(received, x.get("fundingReceived"), 1e-6);
    assertTrue(Double.isFinite(x.get("backstopNav")));
  }

  private static double size(SplittableRandom rng, AssetId market) {
    double side = rng.nextBoolean() ? 1 : -1;
    double units =
        market.equals(ETH) ? 0.5 + 9.5 * rng.nextDouble() : 0.02 + 0.5 * rng.nextDouble();
    return side * Math.rint(units * 1e4) / 1e4;
  }

  /** Opens, halving the size after each refusal (at most four tries). */
  private static void tryOpen(PerpetualExchange venue, AccountId a, AssetId m, double size) {
    for (int k = 0; k < 4; k++) {
      try {
        venue.open(a, m, size);
        return;
      } catch (IllegalStateException refused) {
        size = Math.rint(size / 2 * 1e4) / 1e4;
      }
    }
  }
}
