package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.reports.data.SummaryReader;
import org.marginfall.reports.risk.AccountShortfalls;
import org.marginfall.reports.risk.ShortfallTally;
import org.marginfall.reports.run.RunEvents;
import org.marginfall.reports.run.RunRisk;

/**
 * The sweep's risk and contagion metrics: cover 1 / cover 2 as the run report computes them,
 * cascade depth, induced share.
 */
class RiskMetricsTest {

  static final String SWEEP =
      """
      name: test-risk
      scenario: minimal.yaml
      seed: 11
      replications: 2
      design: grid
      parameters:
        - {path: "venues[0].maintenanceMargin", name: mm, values: [0.02, 0.05]}
        - {path: "shocks[0].change", name: shock, values: [-0.35]}
      metrics:
        - {name: cover1, path: risk.perp.cover1}
        - {name: cover2, path: risk.perp.cover2}
        - {name: shortfall1, path: risk.perp.largestShortfall}
        - {name: shortfall2, path: risk.perp.largestTwoShortfalls}
        - contagion.cascadeDepth
        - contagion.inducedShare
      """;

  @TempDir Path tmp;

  private static ObjectNode summary(String contagion) throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
        {"venues": {"perp": {"insuranceFundStart": 1000000.0}, "perp-iso": {"insuranceFundStart": 0.0}},
         "totals": {"badDebt": 0.0}%s}
        """
                    .formatted(contagion));
  }

  @Test
  void test_metrics_coverFromShortfallsAndContagionFromTheSummary() throws Exception {
    SweepSpec spec = SweepFixtures.spec(tmp, SWEEP);
    RunExecutor executor =
        new RunExecutor(
            spec, new PointScenarios(spec, Catalog.standard()), null, java.time.Clock.systemUTC());
    ShortfallTally t = new ShortfallTally();
    // Account a: 300,000 paid by the fund + 100,000 bad debt = 400,000; b: 250,000; c: 50,000.
    t.add("perp", "a", 300000.0);
    t.add("perp", "a", 100000.0);
    t.add("perp", "b", 250000.0);
    t.add("perp", "c", 50000.0);
    t.add("perp-iso", "z", 5.0);
    List<Double> v =
        executor.metrics(
            summary(", \"contagion\": {\"cascadeDepth\": 2, \"inducedShare\": 0.41}"), t);
    // cover 1 = 1,000,000 / 400,000 = 2.5; cover 2 = 1,000,000 / (400,000 + 250,000) = 1.538461...
    assertEquals(2.5, v.get(0), 1e-12);
    assertEquals(1.0 / 0.65, v.get(1), 1e-12);
    assertEquals(400000.0, v.get(2), 1e-9);
    assertEquals(650000.0, v.get(3), 1e-9);
    assertEquals(2.0, v.get(4));
    assertEquals(0.41, v.get(5));
  }

  @Test
  void test_metrics_noShortfallIsNoCoverValueAndNoContagionObjectIsNoValue() throws Exception {
    SweepSpec spec = SweepFixtures.spec(tmp, SWEEP);
    RunExecutor executor =
        new RunExecutor(
            spec, new PointScenarios(spec, Catalog.standard()), null, java.time.Clock.systemUTC());
    List<Double> v = executor.metrics(summary(""), new ShortfallTally());
    // cover is infinite without a shortfall: an empty cell; the shortfalls themselves are 0.
    assertNull(v.get(0));
    assertNull(v.get(1));
    assertEquals(0.0, v.get(2));
    assertEquals(0.0, v.get(3));
    assertNull(v.get(4));
    assertNull(v.get(5));
    // A contagion object whose field is null (nothing was liquidated) is no value either.
    List<Double> w =
        executor.metrics(
            summary(", \"contagion\": {\"cascadeDepth\": null, \"inducedShare\": null}"),
            new ShortfallTally());
    assertNull(w.get(4));
    assertNull(w.get(5));
  }

  @Test
  void test_run_liveTallyAgreesWithTheRunReportOnTheWrittenRun() throws Exception {
    // A deep shock on a thin margin, so some account falls short; the sweep's cover values from the
    // live events must equal those the run report computes from the same run's events.jsonl.
    SweepSpec spec = SweepFixtures.spec(tmp, SWEEP);
    Path runs = tmp.resolve("runs");
    RunExecutor live =
        new RunExecutor(
            spec, new PointScenarios(spec, Catalog.standard()), null, java.time.Clock.systemUTC());
    RunExecutor written =
        new RunExecutor(
            spec, new PointScenarios(spec, Catalog.standard()), runs, java.time.Clock.systemUTC());
    boolean someShortfall = false;
    // One point: writing a run directory (with its report) takes seconds.
    for (Point p : spec.points().subList(0, 1)) {
      RunResult a = live.run(p, 0);
      RunResult b = written.run(p, 0);
      assertTrue(a.ok(), a.error());
      assertEquals(a.metrics(), b.metrics(), "point " + p.id());
      Path dir = runs.resolve(RunExecutor.directoryName(p.id(), 0));
      RunEvents events = RunEvents.read(dir).orElseThrow();
      AccountShortfalls s =
          RunRisk.shortfalls(
              "perp", SummaryReader.read(dir.resolve("summary.json")).venues().get("perp"), events);
      assertEquals(Double.isInfinite(s.cover1()) ? null : s.cover1(), a.metrics().get(0));
      assertEquals(Double.isInfinite(s.cover2()) ? null : s.cover2(), a.metrics().get(1));
      assertEquals(s.largest(), a.metrics().get(2));
      someShortfall |= s.largest() > 0;
    }
    assertTrue(
        someShortfall, "no account fell short at any point: the comparison would prove nothing");
  }

  @Test
  void test_read_riskAndContagionPathsAreChecked() {
    String bad =
        SWEEP
            .replace("risk.perp.cover1", "risk.nowhere.cover1")
            .replace("risk.perp.cover2", "risk.perp.cover3")
            .replace("contagion.cascadeDepth", "contagion.depth");
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SweepFixtures.spec(tmp, bad));
    List<String> problems = new ArrayList<>(e.problems().stream().map(Problem::toString).toList());
    assertEquals(
        List.of(
            "metrics[0].path: 'risk.nowhere.cover1': the scenario has no venue 'nowhere' (venues: [perp, perp-iso])",
            "metrics[1].path: 'risk.perp.cover3': unknown field 'cover3' (known: [cover1, cover2, largestShortfall,"
                + " largestTwoShortfalls])",
            "metrics[4]: 'contagion.depth': contagion has the fields [cascadeDepth, inducedShare, acceleratedShare]"),
        problems);
  }
}
