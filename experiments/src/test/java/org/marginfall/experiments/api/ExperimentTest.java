package org.marginfall.experiments.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.event.LiquidationEvent;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;

/**
 * The Java API (docs/api.md) against the CLI: the bundled flash-crash example run both ways gives
 * the same bytes and the same numbers; overrides, bad input and the time series' two forms.
 */
class ExperimentTest {

  @TempDir static Path tmp;

  private static Path example;
  private static Path cliRun;
  private static RunOutcome api;

  @BeforeAll
  static void runBothWays() {
    example = Fixtures.example();
    cliRun = tmp.resolve("cli");
    CliResult r =
        Fixtures.cli(
            "run", example.toString(), "--out", cliRun.toString(), "--seed", "7", "--no-report");
    assertEquals(0, r.exit(), r.err());
    api = Experiment.load(example).run(7);
  }

  @Test
  void test_run_givesTheCliBytes() throws IOException {
    assertArrayEquals(
        Files.readAllBytes(cliRun.resolve("summary.json")),
        api.summaryJson().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(
        Files.readAllBytes(cliRun.resolve("timeseries.csv")),
        api.timeseriesCsv().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(
        Files.readAllBytes(cliRun.resolve("events.jsonl")),
        api.eventsJsonl().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void test_summary_liquidationsEqualTheCliSummaryAndTheEvents() throws IOException {
    var cli =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(cliRun.resolve("summary.json").toFile());
    assertEquals(7, api.seed());
    assertEquals(cli.at("/totals/liquidations").asLong(), api.liquidations());
    assertTrue(api.liquidations() > 0, "the flash crash liquidates");
    long jsonl =
        Fixtures.read(cliRun.resolve("events.jsonl"))
            .lines()
            .filter(l -> l.contains("\"type\":\"liquidation\""))
            .count();
    for (String venue : List.of("perp-cross", "perp-isolated")) {
      RunSummary.VenueSummary v = api.summary().venues().get(venue);
      assertEquals(cli.at("/venues/" + venue + "/liquidations").asLong(), v.liquidations(), venue);
      assertEquals(cli.at("/venues/" + venue + "/badDebt").asDouble(), v.badDebt(), venue);
      long events =
          api.events(LiquidationEvent.class).stream().filter(e -> e.venue().equals(venue)).count();
      assertEquals(v.liquidations(), events, venue);
    }
    assertEquals(jsonl, api.events(LiquidationEvent.class).size());
  }

  @Test
  void test_timeSeries_columnsAndLongFormEqualTheCsv() {
    Csv csv = Fixtures.csv(cliRun.resolve("timeseries.csv"));
    TimeSeries ts = api.timeSeries();
    assertEquals(csv.header().subList(2, csv.header().size()), ts.columns());
    assertEquals(121, ts.size(), "step 0 and 120 steps");
    assertArrayEquals(csv.numbers("time_s"), ts.times());
    for (String c : ts.columns()) {
      List<String> cells = csv.text(c);
      double[] v = ts.column(c);
      for (int r = 0; r < cells.size(); r++) {
        assertEquals(
            cells.get(r).isEmpty() ? Double.NaN : Double.parseDouble(cells.get(r)),
            v[r],
            c + " row " + r);
      }
    }
    List<TimeSeries.Value> tidy = ts.longForm();
    assertEquals(121 * ts.columns().size(), tidy.size());
    TimeSeries.Value last = tidy.get(tidy.size() - 1);
    String lastColumn = ts.columns().get(ts.columns().size() - 1);
    assertEquals(lastColumn, last.metric() + "." + last.entity());
    assertEquals(120, last.step());
    assertEquals(7200.0, last.time());
    TimeSeries.Value oracle =
        tidy.stream().filter(x -> x.metric().equals("oracle_price")).findFirst().orElseThrow();
    assertEquals(
        "fast-feed.ETH", oracle.entity(), "an oracle's price is measured per oracle and asset");
    assertEquals(csv.numbers("oracle_price.fast-feed.ETH")[0], oracle.value());
  }

  @Test
  void test_with_overridesLikeAnEditedFile() throws IOException {
    Path edited =
        Fixtures.write(
            tmp,
            "short.yaml",
            Files.readString(example)
                .replace("steps: 120            #", "steps: 30             #"));
    Path out = tmp.resolve("short");
    CliResult r =
        Fixtures.cli(
            "run", edited.toString(), "--out", out.toString(), "--no-report", "--no-long-parquet");
    assertEquals(0, r.exit(), r.err());
    RunOutcome shorter = Experiment.load(example).with("run.steps", 30).run();
    assertEquals(31, shorter.timeSeries().size());
    assertEquals(Files.readString(out.resolve("timeseries.csv")), shorter.timeseriesCsv());
    assertEquals(Files.readString(out.resolve("events.jsonl")), shorter.eventsJsonl());
    assertEquals(20200312, shorter.seed(), "the scenario's own seed");
    assertTrue(Files.notExists(out.resolve("timeseries-long.parquet")), "--no-long-parquet");
  }

  @Test
  void test_with_aWiderMaintenanceMarginLiquidatesMoreOnThatVenueOnly() {
    Experiment base = Experiment.load("flash-crash");
    RunOutcome wider = base.with("venues[1].maintenanceMargin", 0.04).run(7);
    long before = api.summary().venues().get("perp-isolated").liquidations();
    long after = wider.summary().venues().get("perp-isolated").liquidations();
    assertTrue(after > before, before + " -> " + after);
    assertNotEquals(api.timeseriesCsv(), wider.timeseriesCsv());
  }

  @Test
  void test_badOverride_failsWithOneLinePerProblemAsTheCli() throws IOException {
    Path bad =
        Fixtures.write(
            tmp,
            "bad.yaml",
            Files.readString(example)
                .replace("maintenanceMargin: 0.025", "maintenanceMargin: -0.5")
                .replace("liquidationFee: 0.01", "liquidationFee: 2"));
    CliResult cli = Fixtures.cli("run", bad.toString(), "--out", tmp.resolve("bad").toString());
    assertEquals(2, cli.exit());
    ExperimentException loaded =
        assertThrows(ExperimentException.class, () -> Experiment.load(bad));
    assertEquals(
        cli.errLines().stream().map(l -> l.substring("error: ".length())).toList(),
        loaded.problems());
    assertTrue(loaded.problems().size() >= 4, loaded.getMessage());
    assertEquals(String.join("\n", loaded.problems()), loaded.getMessage());

    Experiment good = Experiment.load(example);
    ExperimentException one =
        assertThrows(
            ExperimentException.class, () -> good.with("venues[1].maintenanceMargin", -0.5));
    String expected =
        cli.errLines().stream()
            .filter(l -> l.contains("venues[1].maintenanceMargin"))
            .findFirst()
            .orElseThrow()
            .replace("error: " + bad, example.toString());
    assertEquals(List.of(expected), one.problems());

    ExperimentException path =
        assertThrows(ExperimentException.class, () -> good.with("venues[9].insuranceFund", 1.0));
    assertEquals(
        List.of(example + ": venues[9].insuranceFund: venues[9] does not exist in the scenario"),
        path.problems());
    ExperimentException syntax =
        assertThrows(ExperimentException.class, () -> good.with("venues.[1]", 1.0));
    assertEquals(1, syntax.problems().size());
    assertTrue(
        syntax.problems().get(0).startsWith(example + ": venues.[1]: "), syntax.getMessage());
    ExperimentException missing =
        assertThrows(ExperimentException.class, () -> Experiment.load("no-such-scenario"));
    assertTrue(missing.getMessage().startsWith("no-such-scenario: "), missing.getMessage());
  }

  @Test
  void test_parseAndTree_readTheSameScenario() throws IOException {
    RunOutcome text = Experiment.parse(Files.readString(example)).with("run.steps", 25).run(7);
    @SuppressWarnings("unchecked")
    var tree = (java.util.Map<String, Object>) Experiment.load(example).tree();
    RunOutcome fromTree = Experiment.fromTree(tree).with("run.steps", 25).run(7);
    assertEquals(text.timeseriesCsv(), fromTree.timeseriesCsv());
    assertEquals(text.eventsJsonl(), fromTree.eventsJsonl());
    assertEquals(
        api.timeseriesCsv().lines().limit(27).toList(),
        text.timeseriesCsv().lines().toList(),
        "the first 25 steps of the full run");
    ExperimentException alone =
        assertThrows(
            ExperimentException.class, () -> Experiment.load(example).with("run.steps", 5));
    assertEquals(
        List.of(example + ": shocks[0].startStep: is after the last step (5)"), alone.problems());
    RunOutcome together =
        Experiment.load(example)
            .with(java.util.Map.of("run.steps", 5, "shocks[0].startStep", 2))
            .run(7);
    assertEquals(6, together.timeSeries().size(), "overrides given together are checked together");
  }
}
