package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.agents.manipulator.FloorExploitTick;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.MutatedScenario;
import org.marginfall.experiments.internal.run.TimeseriesCsvWriter;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.DataRoot;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The reduced Terra LUNA/UST crisis (examples/crisis-luna-ust.yaml with at most 100 agents per
 * population; docs/validation.md, "Historical crises"), audited at every step: Anchor's LUNA
 * borrowers are liquidated by the price fall from the first step the replayed path crosses their
 * thresholds, while the two pools behind the Chainlink floor liquidate no one and are left the
 * floor exploiters' unrepaid debt; without the floor neither pool is touched.
 */
class LunaUstCrisisTest {

  @TempDir Path tmp;

  private record Run(
      RunSummary summary,
      List<FloorExploitTick> exploits,
      List<String> columns,
      List<String[]> rows) {
    double at(String column, int step) {
      int i = columns.indexOf(column);
      assertTrue(i >= 0, "no column " + column);
      return Double.parseDouble(rows.get(step)[i]);
    }

    double metric(String population, String name) {
      return summary.populations().get(population).get(name);
    }
  }

  private Run run(Map<String, Object> tree, long seed) {
    Path file = MutatedScenario.write(tmp, "luna-" + seed + ".yaml", tree);
    byte[] yaml;
    try {
      yaml = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ModelSpec model =
        new ScenarioReader(Catalog.standard()).read(yaml, false, new DataRoot.Bundled()).model();
    List<FloorExploitTick> exploits = new ArrayList<>();
    RunListener ticks =
        new RunListener() {
          @Override
          public void onEvent(SimEvent e) {
            if (e instanceof FloorExploitTick t) {
              exploits.add(t);
            }
          }
        };
    StringWriter csv = new StringWriter();
    SummaryCollector summary = new SummaryCollector();
    Simulation.Outcome outcome =
        Simulation.run(model, seed, 0, true, List.of(summary, ticks, new TimeseriesCsvWriter(csv)));
    // Audited at every step: ledger conservation and every venue's invariants (it throws on the
    // first violation).
    assertEquals(model.settings().steps() + 1, outcome.auditedSteps());
    List<String> lines = csv.toString().lines().toList();
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return new Run(
        summary.summary(true, outcome.auditedSteps()),
        exploits,
        List.of(lines.get(0).split(",")),
        rows);
  }

  private static Map<String, Object> reduced() {
    return MutatedScenario.bundled("crisis-luna-ust", 24, 100);
  }

  @Test
  void test_crisis_anchorLiquidatesThroughThePriceAndTheFlooredPoolsKeepTheExploitersDebt() {
    for (long seed : new long[] {20220507, 1, 2}) {
      Run run = run(reduced(), seed);
      RunSummary.VenueSummary anchor = run.summary().venues().get("anchor");
      // Step 10 (9 May 12:00) replays the day's high of 65.316: no borrower (LTV <= 0.378 at
      // 77.243)
      // is above 60%. Step 11 replays its low of 29.641, where every LTV above 0.6 x 29.641 /
      // 77.243
      // = 0.230 is: the first liquidations, on Anchor only.
      assertEquals(
          Long.valueOf(11),
          run.summary().contagion().venues().get("anchor").firstLiquidationStep(),
          "seed " + seed);
      assertTrue(anchor.liquidations() > 0 && anchor.liquidatedNotional() > 0, "seed " + seed);
      for (String pool : List.of("venus", "blizz")) {
        assertEquals(0, run.summary().venues().get(pool).liquidations(), pool);
        assertEquals(0, run.summary().venues().get(pool).badDebt(), pool);
      }

      // The floor: on 12 May at 18:00 (step 23) the market is at 0.0031, the Chainlink-style feed
      // at
      // its minAnswer of 0.10, Anchor's feed at the market.
      assertEquals(0.10, run.at("oracle_price.chainlink-luna.LUNA", 23), 1e-12);
      assertEquals(0.10, run.at("oracle_price.chainlink-luna.LUNA", 24), 1e-12);
      assertTrue(run.at("oracle_price.anchor-feed.LUNA", 23) < 0.004);
      assertTrue(run.at("market_price.LUNA", 23) < 0.004);

      // The exploit runs only where buying pays, market < 0.10 x 0.55 = 0.055: steps 23 and 24
      // (step 22
      // replays the day's high of 1.3828), on both floored pools, never on Anchor.
      assertTrue(
          run.exploits().stream().allMatch(t -> t.step() >= 23 && !t.venue().equals("anchor")));
      for (String pool : List.of("venus", "blizz")) {
        FloorExploitTick first =
            run.exploits().stream().filter(t -> t.venue().equals(pool)).findFirst().orElseThrow();
        assertEquals(23, first.step());
        // Its first borrow: what it bought, posted at the floor, times LTV 0.55 less the 1e-6
        // margin,
        // at most the pool's cash: Blizz's 20 x 415,000 = 8.3M are all gone at once.
        double limit = first.bought() * 0.10 * 0.55 * (1 - 1e-6);
        assertEquals(
            pool.equals("blizz") ? 8.3e6 : limit, first.borrowed(), first.borrowed() * 1e-6);
        // Its own $1M bought at about 0.003: some 300M LUNA, worth a borrow of about 17 times that.
        assertTrue(limit > 1.5e7, pool + " could borrow " + limit);
      }
      // Blizz is drained in the first exploit tick: all 20 x 415,000 it could lend (plus interest).
      assertEquals(8.3e6, run.metric("blizz-exploiter", "debt"), 8.3e6 * 1e-3);
      assertEquals(1.0, run.at("utilisation_USD.blizz", 24), 1e-9);
      // The shortfall the pools are left with is the debt less the posted LUNA at the market.
      for (String who : List.of("venus-exploiter", "blizz-exploiter")) {
        double shortfall = run.metric(who, "debt") - run.metric(who, "collateralMarketValue");
        assertEquals(shortfall, run.metric(who, "shortfall"), 1e-6);
        assertTrue(
            run.metric(who, "collateralOracleValue") > run.metric(who, "debt"),
            "healthy on paper: " + who);
      }
      // Venus lends from $1B: two ticks of the loop take more than ten times Blizz's $8.3M.
      assertTrue(
          run.metric("venus-exploiter", "debt") > 10 * run.metric("blizz-exploiter", "debt"));
    }
  }

  @Test
  void test_crisis_withoutTheFloorNeitherPoolIsTouched() {
    Map<String, Object> tree = reduced();
    MutatedScenario.set(tree, "oracles[1].minAnswer", MutatedScenario.DELETE);
    Run twin = run(tree, 20220507);
    assertTrue(twin.exploits().isEmpty());
    for (String who : List.of("venus-exploiter", "blizz-exploiter")) {
      assertEquals(0, twin.metric(who, "debt"), 0);
      assertEquals(0, twin.metric(who, "shortfall"), 0);
    }
    assertTrue(twin.at("oracle_price.chainlink-luna.LUNA", 23) < 0.004);
    // Anchor's liquidations come from the price path, floor or no floor.
    assertTrue(twin.summary().venues().get("anchor").liquidations() > 0);
  }
}
