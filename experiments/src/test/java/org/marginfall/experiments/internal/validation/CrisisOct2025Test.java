package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.venue.VenueSnapshot;
import org.marginfall.experiments.MutatedScenario;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.DataRoot;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.protocols.perp.AutoDeleverage;
import org.marginfall.protocols.perp.Liquidation;

/**
 * A reduced examples/crisis-oct-2025.yaml (a third of every trader population, two seeds, each run
 * audited) reproduces the documented mechanism of 10 October 2025 (docs/validation.md): nothing is
 * liquidated before the 20:50 UTC tariff post; the liquidations bunch in the 21:05-21:30 candles
 * around the 21:15 peak minute; Hyperliquid's book and backstop leave bankrupt accounts that ADL
 * closes against profitable shorts, absorbing nearly all of hl's losses (Hyperliquid reported
 * none), and ADL takes exactly the shortfall (no insurance fund to share it with); the USDe-like
 * collateral falls on bn's own book while its reference value stays 1, and the same seed with a
 * 1,000 times deeper USDe book (an external reference) liquidates less on bn.
 */
class CrisisOct2025Test {

  private static final long[] SEEDS = {20251010L, 11L};

  /** Steps are 100 s from 20:00 UTC: 20:50 is step 30, 21:05 step 39, 21:30 step 54. */
  private static final int TARIFF_POST = 30;

  private static final int PEAK_FROM = 39;
  private static final int PEAK_TO = 54;

  private static final List<Recorder> RUNS = new ArrayList<>();
  private static final List<Recorder> DEEP_USDE = new ArrayList<>();

  @BeforeAll
  static void runTheReducedCrisisAndItsDeepBookTwin() throws Exception {
    Path examples =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../examples")
            .toAbsolutePath()
            .normalize();
    Map<String, Object> tree = MutatedScenario.bundled("crisis-oct-2025", 144, Integer.MAX_VALUE);
    // a third of every trader population: the venues' open interest shrinks in proportion
    MutatedScenario.set(tree, "agents[2].count", 100);
    MutatedScenario.set(tree, "agents[3].count", 204);
    MutatedScenario.set(tree, "agents[4].count", 29);
    for (long seed : SEEDS) {
      RUNS.add(run(tree, examples, seed));
    }
    MutatedScenario.set(tree, "markets[1].impact.depth", 2.0e10);
    for (long seed : SEEDS) {
      DEEP_USDE.add(run(tree, examples, seed));
    }
  }

  private static Recorder run(Map<String, Object> tree, Path examples, long seed) throws Exception {
    Path dir = Files.createTempDirectory("crisis-oct-2025");
    Path file = MutatedScenario.write(dir, "crisis.yaml", tree);
    byte[] yaml = Files.readAllBytes(file);
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml, false, DataRoot.directory(examples))
            .model();
    Recorder r = new Recorder();
    Simulation.Outcome o = Simulation.run(model, seed, 0, true, List.of(r));
    // audited at set-up and after every tick: conservation held throughout
    assertEquals(model.settings().steps() + 1, o.auditedSteps());
    return r;
  }

  @Test
  void test_cascade_startsAfterTheTariffPostAndBunchesAroundThePeakMinute() {
    for (Recorder r : RUNS) {
      double total = 0;
      double peak = 0;
      for (Liquidation l : r.liquidations()) {
        assertTrue(
            l.step() >= TARIFF_POST, "liquidation at step " + l.step() + " before 20:50 UTC");
        total += l.notional();
        if (l.step() >= PEAK_FROM && l.step() <= PEAK_TO) {
          peak += l.notional();
        }
      }
      assertTrue(total > 0, "nothing liquidated");
      // the documented cascade took 45-60 minutes with its peak at 21:15; here more than half of
      // the notional falls in the 25 minutes 21:05-21:30
      assertTrue(peak / total > 0.5, "share in 21:05-21:30: " + peak / total);
    }
  }

  @Test
  void test_hyperliquid_adlClosesProfitableShortsAndLeavesNoBadDebt() {
    for (Recorder r : RUNS) {
      List<AutoDeleverage> adl = r.adl("hl");
      assertTrue(!adl.isEmpty(), "no ADL on hl");
      double shortfall = 0;
      double taken = 0;
      for (AutoDeleverage a : adl) {
        // the bankrupt are longs; their counterparties, closed at the bankruptcy price, are shorts
        // that profit from the crash: ADL only reduces their profit
        assertTrue(a.size() < 0, "ADL counterparty " + a.counterparty() + " size " + a.size());
        assertTrue(
            a.bankruptcyPrice() > a.markPrice(),
            "bankruptcy " + a.bankruptcyPrice() + " mark " + a.markPrice());
        shortfall += a.shortfall();
        taken += a.profitTaken();
      }
      // no insurance fund: ADL takes exactly the shortfall, no more (over-deleveraging 0)
      assertEquals(shortfall, taken, 1e-6 * shortfall);
      VenueSnapshot hl = r.venue("hl");
      assertTrue(hl.extras().get("backstopTakeovers") > 0, "the HLP backstop took no account over");
      // Hyperliquid reported zero bad debt. Here ADL absorbs the bankrupt accounts' losses but, in
      // some seeds, runs out of profitable shorts when bn's sales hit the shared book in the same
      // step: the residue stays under a tenth of what ADL covered (0 and 4.6% in these two seeds;
      // over the bundled sweep's 100 seeds hl's bad debt is under a scaled $1 in 88,
      // docs/validation.md)
      assertTrue(
          hl.badDebt() < 0.1 * shortfall, "hl bad debt " + hl.badDebt() + " vs ADL " + shortfall);
    }
  }

  @Test
  void test_usdeCollateral_fallsOnTheVenueBookAndLiquidatesMoreThanWithADeepReference() {
    for (int i = 0; i < SEEDS.length; i++) {
      Recorder thin = RUNS.get(i);
      Recorder deep = DEEP_USDE.get(i);
      StepRecord.AssetPoint worst = thin.lowestMarket("USDE");
      assertEquals(1.0, worst.fundamental(), 0.0);
      assertTrue(worst.market() < 0.99, "USDE on bn's book bottomed at " + worst.market());
      assertTrue(deep.lowestMarket("USDE").market() > worst.market(), "the deep book fell as far");
      double thinNotional = thin.venue("bn").liquidatedNotional();
      double deepNotional = deep.venue("bn").liquidatedNotional();
      assertTrue(
          thinNotional > deepNotional,
          "bn liquidated " + thinNotional + " thin vs " + deepNotional + " deep");
    }
  }

  /** Keeps every record and event. */
  private static final class Recorder implements RunListener {
    final List<StepRecord> steps = new ArrayList<>();
    final List<SimEvent> events = new ArrayList<>();

    @Override
    public void onEvent(SimEvent event) {
      events.add(event);
    }

    @Override
    public void onStep(StepRecord record) {
      steps.add(record);
    }

    List<Liquidation> liquidations() {
      return events.stream()
          .filter(Liquidation.class::isInstance)
          .map(Liquidation.class::cast)
          .toList();
    }

    List<AutoDeleverage> adl(String venue) {
      return events.stream()
          .filter(AutoDeleverage.class::isInstance)
          .map(AutoDeleverage.class::cast)
          .filter(a -> a.venue().equals(venue))
          .toList();
    }

    VenueSnapshot venue(String venue) {
      StepRecord last = steps.get(steps.size() - 1);
      return last.venues().stream()
          .filter(v -> v.venue().value().equals(venue))
          .findFirst()
          .orElseThrow()
          .snapshot();
    }

    StepRecord.AssetPoint lowestMarket(String asset) {
      StepRecord.AssetPoint low = null;
      for (StepRecord s : steps) {
        for (StepRecord.AssetPoint a : s.assets()) {
          if (a.asset().value().equals(asset) && (low == null || a.market() < low.market())) {
            low = a;
          }
        }
      }
      return low;
    }
  }
}
