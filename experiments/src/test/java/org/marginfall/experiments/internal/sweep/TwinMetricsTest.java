package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.cli.Main;
import org.marginfall.experiments.internal.scenario.Catalog;

/** Twins inside sweeps: the comparison metrics of each run with its twin on the same seed. */
class TwinMetricsTest {

  static final String SWEEP =
      """
      name: test-twins
      scenario: minimal.yaml
      seed: 11
      replications: 1
      design: grid
      parameters:
        - {path: "shocks[0].change", name: shock, values: [-0.35]}
        - {path: "markets[0].impact.depth", name: depth, values: [1.0e6]}
      metrics:
        - {name: liquidations, path: totals.liquidations}
        - {name: onlyImpact, path: twin.no-impact.total.onlyInBase}
        - {name: onlyImpactNotional, path: twin.no-impact.total.onlyInBaseNotional}
        - {name: badDebtChange, path: twin.no-impact.perp.badDebtDifference}
        - {name: onlyMarket, path: twin.no-channel:commonMarket.total.onlyInBase}
        - {name: saved, path: twin.no-channel:commonMarket.total.capitalSaved}
      """;

  @TempDir Path tmp;

  @Test
  void test_run_twinMetricsEqualRunTwinOnTheSameSeed() throws Exception {
    SweepSpec spec = SweepFixtures.spec(tmp, SWEEP);
    RunExecutor executor =
        new RunExecutor(
            spec, new PointScenarios(spec, Catalog.standard()), null, java.time.Clock.systemUTC());
    Point point = spec.points().get(0);
    RunResult r = executor.run(point, 0);
    assertTrue(r.ok(), r.error());
    // The same point as a file, run by `run --twin` with the sweep run's seed.
    Path scenario = tmp.resolve("point.json");
    Files.write(scenario, new PointScenarios(spec, Catalog.standard()).content(point));
    Path out = tmp.resolve("twin-run");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              scenario.toString(),
              "--out",
              out.toString(),
              "--no-report",
              "--seed",
              Long.toString(r.seed()),
              "--twin",
              "no-impact",
              "--twin",
              "no-channel:commonMarket"
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    List<String> csv = Files.readAllLines(out.resolve("twin-comparison.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    String[] impactTotal = row(csv, "no-impact", "total");
    String[] impactPerp = row(csv, "no-impact", "perp");
    String[] marketTotal = row(csv, "no-channel:commonMarket", "total");
    assertEquals(
        Double.parseDouble(impactTotal[header.indexOf("base_liquidations")]),
        r.metrics().get(0),
        0.0);
    assertEquals(
        Double.parseDouble(impactTotal[header.indexOf("only_base_accounts")]),
        r.metrics().get(1),
        0.0);
    assertEquals(
        Double.parseDouble(impactTotal[header.indexOf("only_base_notional")]),
        r.metrics().get(2),
        0.0);
    assertEquals(
        Double.parseDouble(impactPerp[header.indexOf("diff_bad_debt")]), r.metrics().get(3), 0.0);
    assertEquals(
        Double.parseDouble(marketTotal[header.indexOf("only_base_accounts")]),
        r.metrics().get(4),
        0.0);
    assertEquals(
        Double.parseDouble(marketTotal[header.indexOf("capital_saved_by_sharing")]),
        r.metrics().get(5),
        0.0);
    // Not a vacuous match: the shock liquidates accounts, and the thin market's impact adds bad
    // debt.
    assertTrue(r.metrics().get(0) > 0 && r.metrics().get(3) < 0, r.metrics().toString());
  }

  private static String[] row(List<String> csv, String twin, String venue) {
    return csv.stream()
        .filter(l -> l.startsWith(twin + "," + venue + ","))
        .findFirst()
        .orElseThrow()
        .split(",");
  }

  @Test
  void test_read_twinPathsAreChecked() {
    String bad =
        SWEEP
            .replace(
                "twin.no-impact.total.onlyInBaseNotional", "twin.bogus.total.onlyInBaseNotional")
            .replace("twin.no-impact.total.onlyInBase}", "twin.no-impact.nowhere.onlyInBase}")
            .replace("twin.no-impact.perp.badDebtDifference", "twin.no-impact.perp.badness")
            .replace("twin.no-channel:commonMarket.total.onlyInBase", "twin.total.onlyInBase");
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SweepFixtures.spec(tmp, bad));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "metrics[1].path: 'twin.no-impact.nowhere.onlyInBase': the scenario has no venue 'nowhere'"),
        problems.get(0));
    assertTrue(
        problems.get(1).startsWith("metrics[2].path: 'twin.bogus.total.onlyInBaseNotional': "),
        problems.get(1));
    assertTrue(problems.get(2).contains("unknown twin measure 'badness'"), problems.get(2));
    assertTrue(
        problems.get(3).contains("must be twin.<twin>.<venue id or total>.<measure>"),
        problems.get(3));
  }

  @Test
  void test_read_aSetTwinMayHoldDotsInItsName() {
    SweepSpec spec =
        SweepFixtures.spec(
            tmp,
            SWEEP.replace(
                "path: twin.no-impact.perp.badDebtDifference",
                "path: \"twin.set:venues[0].maintenanceMargin=0.03.perp.badDebtDifference\""));
    Metric m = spec.metrics().get(3);
    assertEquals("set:venues[0].maintenanceMargin=0.03", m.id());
    assertEquals("perp.badDebtDifference", m.field());
    assertEquals("twin.set:venues[0].maintenanceMargin=0.03.perp.badDebtDifference", m.path());
  }
}
