package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;

class SweepReaderTest {

  @TempDir Path tmp;

  private List<String> problems(String sweep) {
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SweepFixtures.spec(tmp, sweep));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void test_read_gridExample() {
    SweepSpec s = SweepFixtures.spec(tmp, SweepFixtures.GRID);
    assertEquals("test-grid", s.name());
    assertEquals(11, s.seed());
    assertEquals(3, s.replications());
    assertEquals(Design.Kind.GRID, s.design().kind());
    assertEquals(List.of("mm", "shock"), s.parameters().stream().map(Parameter::name).toList());
    assertEquals(List.of(0.02, 0.05, 0.08), s.parameters().get(0).values());
    assertEquals(18, s.runCount());
    assertEquals("venues.perp.firstLiquidationStep", s.metrics().get(2).path());
  }

  @Test
  void test_read_seedDefaultsToTheScenarios() {
    SweepSpec s = SweepFixtures.spec(tmp, SweepFixtures.GRID.replace("seed: 11\n", ""));
    assertEquals(7, s.seed(), "minimal.yaml has run.seed 7");
  }

  @Test
  void test_read_everyProblemWithItsPath() {
    String bad =
        """
        name: bad
        scenario: minimal.yaml
        replications: 0
        design: {type: grid, samples: 3}
        colour: blue
        parameters:
          - {path: "venues[7].maintenanceMargin", values: [0.1]}
          - {path: "shocks[0].change", min: -0.1, max: -0.5, points: 3}
          - {path: "venues[0].insuranceFund", min: 1, max: 2}
          - {path: "venues[0].x", values: [1], min: 0}
        metrics:
          - totals.badDebts
          - venues.nowhere.badDebt
          - {name: dd, path: assets.ETH.drawdown}
        """;
    assertEquals(
        List.of(
            "colour: unknown field (known: audit, description, design, metrics, name, parameters, replications, scenario, seed)",
            "replications: must be between 1 and 1000000, was 0",
            "design.samples: a grid takes every combination of levels; remove this field",
            "parameters[0].path: venues[7] does not exist in the scenario",
            "parameters[1].max: must be above min (-0.1), was -0.5",
            "parameters[2].points: is required for a grid design (or give values)",
            "parameters[3].min: give either values or a range (min, max), not both",
            "metrics[0]: 'totals.badDebts': totals has the fields [badDebt, liquidatedNotional, liquidations]",
            "metrics[1]: 'venues.nowhere.badDebt': the scenario has no venue 'nowhere' (venues: [perp, perp-iso])",
            "metrics[2].path: 'assets.ETH.drawdown': unknown field 'drawdown' (known: [amplification, finalFundamental,"
                + " finalMarket, fundamentalMaxDrawdown, initialFundamental, initialMarket, marketMaxDrawdown, minFundamental,"
                + " minMarket])"),
        problems(bad));
  }

  @Test
  void test_read_badNamesScalesAndDuplicatesNameTheirFields() {
    String bad =
        """
        name: bad
        scenario: minimal.yaml
        design: grid
        parameters:
          - {path: "venues[0].maintenanceMargin", name: "9mm", values: [0.1]}
          - {path: "venues[0].maintenanceMargin", name: mm, values: [0.2]}
          - {path: "shocks[0].change", name: mm, min: -0.5, max: -0.1, points: 3, scale: cubic}
          - {path: "venues[0].insuranceFund", min: 0, max: 2, points: 2, scale: log}
        metrics:
          - totals.badDebt
          - {name: totals.badDebt, path: totals.liquidations}
          - {name: "%x", path: totals.liquidations}
          - contagion.nothing
        """;
    assertEquals(
        List.of(
            "parameters[0].name: must be letters, digits, _ . - [ ] and start with a letter or _, was '9mm'",
            "parameters[1].path: 'venues[0].maintenanceMargin' is already swept by another parameter",
            "parameters[2].name: duplicate parameter name 'mm'",
            "parameters[2].scale: unknown scale 'cubic' (known: linear, log)",
            "parameters[3].min: a log scale needs a positive range, was 0.0",
            "metrics[1].name: duplicate metric name 'totals.badDebt'",
            "metrics[2].name: must be letters, digits, _ . - [ ] and start with a letter or _, was '%x'",
            "metrics[3]: 'contagion.nothing': contagion has the fields " + Metric.CONTAGION_FIELDS),
        problems(bad));
  }

  @Test
  void test_read_metricsOnDerivedAssets() {
    // aETH and aUSD are the lending pool's receipts: derived assets, which summary.json lists.
    SweepSpec s = SweepFixtures.lendingSpec(tmp, SweepFixtures.DERIVED);
    assertEquals(
        List.of(
            "assets.aETH.marketMaxDrawdown",
            "assets.aUSD.finalMarket",
            "assets.ETH.marketMaxDrawdown"),
        s.metrics().stream().map(Metric::path).toList());
  }

  @Test
  void test_read_assetMetricNamesEveryAssetOfTheSummary() {
    String sweep =
        SweepFixtures.DERIVED
            .replace("assets.aETH.marketMaxDrawdown", "assets.aBTC.marketMaxDrawdown")
            .replace("assets.aUSD.finalMarket", "assets.USD.finalMarket");
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SweepFixtures.lendingSpec(tmp, sweep));
    assertEquals(
        List.of(
            "metrics[0].path: 'assets.aBTC.marketMaxDrawdown': the scenario has no asset 'aBTC' (assets: [ETH, aETH, aUSD])",
            "metrics[1].path: 'assets.USD.finalMarket': USD is the base currency, priced at 1 and not in the run summary"
                + " (assets: [ETH, aETH, aUSD])"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void test_read_unknownDesignAndSamplesForSampledDesigns() {
    assertEquals(
        List.of("design: unknown design 'halton' (known: grid, lhs, random, sobol)"),
        problems(SweepFixtures.GRID.replace("design: grid", "design: halton")));
    assertEquals(
        List.of(
            "design: a lhs design needs samples, e.g. {type: lhs, samples: 64}",
            "parameters[1].points: only a grid design takes points; a lhs design samples the range"),
        problems(SweepFixtures.GRID.replace("design: grid", "design: lhs")));
  }

  @Test
  void test_read_malformedSweepNamesTheLineColumnAndProblem() {
    // The flow mapping of parameters[0] is never closed: the parser stops at the end of its line.
    String broken =
        SweepFixtures.GRID.replace(
            "name: mm, values: [0.02, 0.05, 0.08]}", "name: mm, values: [0.02, 0.05, 0.08]");
    int line =
        broken
                .lines()
                .toList()
                .indexOf(
                    "  - {path: \"venues[0].maintenanceMargin\", name: mm, values: [0.02, 0.05, 0.08]")
            + 1;

    List<String> problems = problems(broken);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("malformed YAML at line " + line + ", column "),
        problems.get(0));
    assertTrue(problems.get(0).contains(": expected ',' or '}'"), problems.get(0));
  }

  @Test
  void test_read_duplicateKeyAndNanNameTheirFields() {
    String sweep =
        SweepFixtures.GRID
            .replace("replications: 3\n", "replications: 3\nreplications: 4\n")
            .replace("values: [0.02, 0.05, 0.08]", "values: [0.02, .nan, 0.08]");
    int first = sweep.lines().toList().indexOf("replications: 3") + 1;

    assertEquals(
        List.of(
            "replications: is given more than once (at lines "
                + first
                + " and "
                + (first + 1)
                + "); give it once"),
        problems(sweep));
    assertEquals(
        List.of("parameters[0].values[1]: must be a finite number, was NaN"),
        problems(
            SweepFixtures.GRID.replace(
                "values: [0.02, 0.05, 0.08]", "values: [0.02, .nan, 0.08]")));
  }

  @Test
  void test_read_sweepFileAboveTheSizeLimitIsRefusedBeforeItIsParsed() {
    String big = SweepFixtures.GRID + ("# " + "x".repeat(98) + "\n").repeat(21_000);

    assertEquals(
        List.of(
            "the file is "
                + String.format(java.util.Locale.ROOT, "%,d", big.length())
                + " bytes; a sweep file may be at most 2,097,152 bytes (2 MiB)"),
        problems(big));
  }

  @Test
  void test_read_scenarioProblemsAreReportedUnderScenario() {
    String bundled =
        String.join(
            ", ", org.marginfall.experiments.internal.scenario.ScenarioSource.bundledNames());
    assertEquals(
        List.of("scenario: scenario file not found (bundled scenarios: " + bundled + ")"),
        problems(SweepFixtures.GRID.replace("scenario: minimal.yaml", "scenario: nowhere.yaml"))
            .subList(0, 1)
            .stream()
            .map(p -> p.replaceAll("nowhere.yaml: ", ""))
            .toList());
  }
}
