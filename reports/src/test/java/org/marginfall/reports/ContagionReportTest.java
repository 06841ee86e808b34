package org.marginfall.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.run.ContagionSection;

/**
 * The run report's contagion section, health charts and contagion headline numbers on hand-made
 * files.
 */
class ContagionReportTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:34:56Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  /**
   * One report of the contagion fixture, shared by the tests that only read it: a report takes
   * seconds.
   */
  private static Path shared;

  @BeforeAll
  static void writeShared(@TempDir Path dir) throws Exception {
    shared = RunFixtures.writeContagionRunDir(dir.resolve("run"));
    new RunReportWriter(CLOCK).write(shared);
  }

  private Path report() {
    return shared;
  }

  private static List<String> table(Path run, String id) throws Exception {
    return Files.readAllLines(run.resolve("tables/" + id + ".csv"));
  }

  @Test
  void test_write_cascadeByGenerationTableSplitsNotionalByVenueFromTheEvents() throws Exception {
    Path run = report();
    // Generation 0: 600,000 + 400,000 on perp-cross; 1: 1,000 x 250 = 250,000 on lend-pool (a
    // loan_liquidation's debtRepaid x debtPrice); 2: 150,000 on perp-cross.
    assertEquals(
        List.of(
            "generation,liquidations (exogenous or induced),liquidated notional,bad debt,accelerated,"
                + "accelerated notional,accelerated bad debt,notional on perp-cross,notional on lend-pool",
            "0,2,1000000,0,0,0,0,1000000,0",
            "1,1,250000,3400,0,0,0,0,250000",
            "2,1,150000,0,0,0,0,150000,0"),
        table(run, "cascade-generations"));
  }

  @Test
  void test_write_matrixTablesHaveCausesAsRowsAndVenuesAsColumns() throws Exception {
    Path run = report();
    assertEquals(
        List.of(
            "cause,perp-cross,lend-pool",
            "exogenous,1000000,0",
            "perp-cross,0,250000",
            "lend-pool,150000,0"),
        table(run, "contagion-notional"));
    assertEquals(
        List.of(
            "cause,perp-cross,lend-pool", "exogenous,0,0", "perp-cross,0,3400", "lend-pool,0,0"),
        table(run, "contagion-bad-debt"));
    assertEquals(
        List.of("cause,perp-cross,lend-pool", "exogenous,2,0", "perp-cross,0,1", "lend-pool,1,0"),
        table(run, "contagion-liquidations"));
    assertTrue(
        Files.readString(run.resolve("tables/contagion-notional.tex")).contains("\\toprule"));
  }

  @Test
  void test_write_headlineNumbersInTheRiskSection() throws Exception {
    Path run = report();
    // induced share = (250,000 + 150,000) / 1,400,000 = 0.2857142857142857 (every digit in the
    // CSV).
    assertEquals(
        List.of(
            "metric,value",
            "first shock step,10",
            "cascade depth (generations),2",
            "induced share,0.2857142857142857",
            "accelerated share,\u2014"),
        table(run, "contagion-headline"));
    assertEquals(
        List.of(
            "venue,first liquidation step,steps to first liquidation,first bad debt step,"
                + "steps to insolvency",
            "perp-cross,12,2,\u2014,\u2014",
            "lend-pool,13,3,13,3"),
        table(run, "contagion-timing"));
    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains("Induced share: liquidated notional of induced liquidations"));
    assertTrue(html.contains("Channels switched off in this run: sharedPool."));
  }

  @Test
  void test_write_contagionAndHealthChartsAreRenderedAndInlined() throws Exception {
    Path run = report();
    // lend-pool never had an account at risk, so it has no health chart; the bad-debt heatmap is
    // drawn because one cell is non-zero.
    for (String chart :
        List.of(
            "cascade-generations",
            "contagion-notional",
            "contagion-bad-debt",
            "health-perp-cross")) {
      ChartAssertions.assertPng(
          Files.readAllBytes(run.resolve("charts/" + chart + ".png")), 1000, 560);
      ChartAssertions.assertSvg(Files.readAllBytes(run.resolve("charts/" + chart + ".svg")));
      assertTrue(
          Files.readString(run.resolve("report.html"))
              .contains("href=\"charts/" + chart + ".svg\""),
          chart);
    }
    assertFalse(Files.exists(run.resolve("charts/health-lend-pool.png")));
    // The health columns are not mistaken for family-specific venue metrics.
    assertFalse(Files.exists(run.resolve("charts/venue-perp-cross.png")));
  }

  @Test
  void test_write_sameFilesTwice() throws Exception {
    Path run = RunFixtures.writeContagionRunDir(temp.resolve("twice"));
    new RunReportWriter(CLOCK).write(run);
    byte[] heatmap = Files.readAllBytes(run.resolve("charts/contagion-notional.svg"));
    byte[] pdf = Files.readAllBytes(run.resolve("report.pdf"));
    new RunReportWriter(CLOCK).write(run);
    assertArrayEquals(heatmap, Files.readAllBytes(run.resolve("charts/contagion-notional.svg")));
    assertArrayEquals(pdf, Files.readAllBytes(run.resolve("report.pdf")));
  }

  @Test
  void test_write_olderRunWithoutContagionSaysSoInOneSentence() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("old"));
    new RunReportWriter(CLOCK).write(run);
    String html = Files.readString(run.resolve("report.html"));
    // The page escapes the apostrophe of "run's".
    assertTrue(
        html.contains(
            "<h2>Contagion</h2>\n<p>" + ContagionSection.ABSENT.replace("'", "&#39;") + "</p>"));
    for (String id : List.of("cascade-generations", "contagion-notional", "contagion-headline")) {
      assertFalse(Files.exists(run.resolve("tables/" + id + ".csv")), id);
    }
    assertFalse(Files.exists(run.resolve("charts/cascade-generations.png")));
    assertFalse(html.contains("Induced share:"));
  }

  @Test
  void test_write_brokenMatrixIsReportedWithItsPath() throws Exception {
    Path run = RunFixtures.writeContagionRunDir(temp.resolve("bad"));
    Path summary = run.resolve("summary.json");
    Files.writeString(summary, Files.readString(summary).replace("[0.0, 250000.0]", "[0.0]"));
    ReportException e =
        assertThrows(ReportException.class, () -> new RunReportWriter(CLOCK).write(run));
    assertEquals(
        "summary.json: field 'contagion.matrix.liquidatedNotional[1]' must have 2 numbers (one per"
            + " venue in 'to'), found 1",
        e.getMessage());
  }

  @Test
  void test_write_generationsMustAscendFromZero() throws Exception {
    Path run = RunFixtures.writeContagionRunDir(temp.resolve("bad"));
    Path summary = run.resolve("summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("{\"generation\": 1,", "{\"generation\": 5,"));
    ReportException e =
        assertThrows(ReportException.class, () -> new RunReportWriter(CLOCK).write(run));
    assertEquals(
        "summary.json: field 'contagion.generations[1].generation' must be 1 (ascending from 0), found 5",
        e.getMessage());
  }

  @Test
  void test_write_runWithoutLiquidationsHasAnEmptyCascadeAndNoBadDebtHeatmap() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("calm"));
    Path summary = run.resolve("summary.json");
    Files.writeString(
        summary,
        Files.readString(summary)
            .replace(
                "\"futureSection\"",
                """
                "contagion": {"channels": {"commonMarket": true}, "shockStep": null, "cascadeDepth": null,
                  "inducedShare": null, "generations": [],
                  "matrix": {"from": ["exogenous", "perp-cross", "lend-pool"], "to": ["perp-cross", "lend-pool"],
                    "liquidations": [[0, 0], [0, 0], [0, 0]], "liquidatedNotional": [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]],
                    "badDebt": [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]},
                  "venues": {"perp-cross": {"firstLiquidationStep": null, "stepsToFirstLiquidation": null,
                    "firstBadDebtStep": null, "stepsToInsolvency": null}}},
                  "futureSection\""""));
    new RunReportWriter(CLOCK).write(run);
    assertEquals(
        List.of(
            "generation,liquidations (exogenous or induced),liquidated notional,bad debt,accelerated,"
                + "accelerated notional,accelerated bad debt"),
        table(run, "cascade-generations"));
    assertEquals(
        List.of(
            "metric,value",
            "first shock step,\u2014",
            "cascade depth (generations),\u2014",
            "induced share,\u2014",
            "accelerated share,\u2014"),
        table(run, "contagion-headline"));
    ChartAssertions.assertPng(
        Files.readAllBytes(run.resolve("charts/cascade-generations.png")), 1000, 560);
    ChartAssertions.assertPng(
        Files.readAllBytes(run.resolve("charts/contagion-notional.png")), 1000, 560);
    assertFalse(Files.exists(run.resolve("charts/contagion-bad-debt.png")));
    assertTrue(Files.exists(run.resolve("tables/contagion-bad-debt.csv")));
  }
}
