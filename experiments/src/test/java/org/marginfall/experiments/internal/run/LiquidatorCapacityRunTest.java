package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * examples/liquidator-capacity.yaml and its twin with ample liquidator capital, in whole audited
 * runs: when the keepers' cash runs short, accounts stay liquidatable at the end of the liquidation
 * phase (a backlog), and the venue ends with more bad debt than with capital to spare.
 */
class LiquidatorCapacityRunTest {

  private static final String TINY = "    capital: 20000 ";
  private static final String AMPLE = "    capital: 2.0e7 ";

  private static Outcome tiny;
  private static Outcome ample;

  private record Outcome(RunSummary.VenueSummary perp, List<LiquidationBacklog> backlogs) {}

  @BeforeAll
  static void runTheExampleAndItsTwin() throws Exception {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path file =
        moduleDir.resolve("../examples/liquidator-capacity.yaml").toAbsolutePath().normalize();
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    tiny = run(yaml);
    ample = run(Fixtures.replaceOnce(yaml, TINY, AMPLE));
  }

  private static Outcome run(String yaml) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    SummaryCollector summary = new SummaryCollector();
    List<LiquidationBacklog> backlogs = new ArrayList<>();
    RunListener events =
        new RunListener() {
          @Override
          public void onEvent(SimEvent e) {
            if (e instanceof LiquidationBacklog b) {
              backlogs.add(b);
            }
          }
        };
    Simulation.Outcome o =
        Simulation.run(model, model.settings().seed(), 0, true, List.of(summary, events));
    // audited at set-up and after every tick: conservation held throughout
    assertEquals(model.settings().steps() + 1, o.auditedSteps());
    return new Outcome(summary.summary(true, o.auditedSteps()).venues().get("perp"), backlogs);
  }

  @Test
  void test_run_tinyCapitalLeavesABacklogAndMoreBadDebtThanAmpleCapital() {
    assertTrue(tiny.perp().backlogSteps() > 0, "tiny capital leaves accounts liquidatable");
    assertTrue(
        tiny.perp().badDebt() > ample.perp().badDebt(),
        "bad debt " + tiny.perp().badDebt() + " with tiny capital vs " + ample.perp().badDebt());
    assertTrue(tiny.perp().insurancePaid() > ample.perp().insurancePaid());
    assertTrue(tiny.perp().maxBacklogShortfall() > ample.perp().maxBacklogShortfall());
    assertTrue(ample.perp().backlogSteps() < tiny.perp().backlogSteps());
  }

  @Test
  void test_run_backlogSummaryCountsTheBacklogEvents() {
    for (Outcome o : List.of(tiny, ample)) {
      assertEquals(o.backlogs().size(), o.perp().backlogSteps());
      double max = o.backlogs().stream().mapToDouble(LiquidationBacklog::shortfall).max().orElse(0);
      assertEquals(max, o.perp().maxBacklogShortfall(), 0.0);
      for (LiquidationBacklog b : o.backlogs()) {
        assertEquals("perp", b.venue());
        assertTrue(b.accounts() > 0 && b.shortfall() > 0, b.toString());
        assertTrue(b.round() >= 1 && b.round() <= 5, b.toString());
      }
      // at most one backlog per tick
      assertEquals(
          o.backlogs().size(),
          o.backlogs().stream().mapToLong(LiquidationBacklog::step).distinct().count());
    }
  }
}
