package org.marginfall.experiments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * Sweeps through the Java API (docs/api.md) against {@code marginfall sweep} and against single
 * runs.
 */
class ExperimentSweepTest {

  @TempDir Path tmp;

  @Test
  void test_sweepFile_equalsTheCliRunsAndPoints() {
    Path file =
        Fixtures.write(
            tmp,
            "mm.yaml",
            """
        name: mm
        scenario: flash-crash
        seed: 11
        replications: 2
        design: grid
        parameters:
          - {path: "venues[1].maintenanceMargin", name: mm, values: [0.01, 0.04]}
        metrics:
          - {name: liquidations, path: venues.perp-isolated.liquidations}
          - {name: badDebt, path: venues.perp-isolated.badDebt}
        """);
    Path out = tmp.resolve("out");
    CliResult r = Fixtures.cli("sweep", file.toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(0, r.exit(), r.err());
    SweepOutcome api = Experiment.sweepFile(file, 2);

    assertEquals(List.of("mm"), api.parameters());
    assertEquals(List.of("liquidations", "badDebt"), api.metrics());
    Csv runs = Fixtures.csv(out.resolve("runs.csv"));
    List<SweepOutcome.SweepRun> apiRuns =
        api.points().stream().flatMap(p -> p.runs().stream()).toList();
    assertEquals(runs.rows().size(), apiRuns.size());
    assertEquals(4, apiRuns.size());
    for (int i = 0; i < apiRuns.size(); i++) {
      SweepOutcome.SweepRun run = apiRuns.get(i);
      assertTrue(run.ok(), run.toString());
      assertEquals(runs.text("seed").get(i), Long.toString(run.seed()));
      for (String m : api.metrics()) {
        assertEquals(
            runs.text(m).get(i), Double.toString(run.metrics().get(m)), m + " of run " + i);
      }
    }
    Csv points = Fixtures.csv(out.resolve("points.csv"));
    int row = 0;
    for (SweepOutcome.PointOutcome p : api.points()) {
      for (String m : api.metrics()) {
        String[] cells = points.rows().get(row++);
        assertEquals(m, cells[points.column("metric")]);
        List<String> stats = List.of(cells).subList(points.column("n"), cells.length);
        assertEquals(stats, p.statistics().get(m).cells(), m + " at point " + p.id());
      }
    }
    double low = api.points().get(0).statistics().get("liquidations").mean();
    double high = api.points().get(1).statistics().get("liquidations").mean();
    assertTrue(high > low, "a wider maintenance margin liquidates more: " + low + " -> " + high);
  }

  @Test
  void test_plan_runsEqualSingleRunsOfTheOverriddenScenario() {
    Experiment x = Experiment.load("flash-crash").with("run.steps", 40);
    SweepPlan plan =
        SweepPlan.grid()
            .values("fund", "venues[1].insuranceFund", List.of(1.0e5, 2.0e6))
            .metric("badDebt", "venues.perp-isolated.badDebt")
            .metric("liquidations", "totals.liquidations")
            .seed(5);
    SweepOutcome s = x.sweep(plan, 2);
    assertEquals(2, s.points().size());
    for (SweepOutcome.PointOutcome p : s.points()) {
      SweepOutcome.SweepRun run = p.runs().get(0);
      RunOutcome single = x.with("venues[1].insuranceFund", p.values().get("fund")).run(run.seed());
      assertEquals(
          single.summary().venues().get("perp-isolated").badDebt(), run.metrics().get("badDebt"));
      assertEquals((double) single.liquidations(), run.metrics().get("liquidations"));
      MetricStatistics st = p.statistics().get("liquidations");
      assertEquals(1, st.n());
      assertEquals(single.liquidations(), st.mean());
    }
    assertEquals(s, x.sweep(plan, 1), "the same values on one thread");
  }

  @Test
  void test_badPlan_failsWithTheSweepFileFieldPaths() {
    Experiment x = Experiment.load("flash-crash");
    ExperimentException e =
        assertThrows(
            ExperimentException.class,
            () ->
                x.sweep(
                    SweepPlan.grid()
                        .values("mm", "venues[7].maintenanceMargin", List.of(0.01))
                        .metric("nothing", "venues.no-such-venue.badDebt")));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).startsWith("sweep: parameters[0].path: "), e.getMessage());
    assertTrue(e.problems().get(1).startsWith("sweep: metrics[0].path: "), e.getMessage());
  }
}
