package org.marginfall.reports.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.RunReportWriter;

class RunRiskAndPdfTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:34:56Z"), ZoneOffset.UTC);

  /**
   * perp-cross (fund 1,000,000 at the start): account a is short 300,000 paid by the fund plus
   * 100,000 bad debt = 400,000; b is short 250,000; c 50,000. A liquidation in round 3.
   */
  static final String EVENTS =
      """
            {"step":1,"round":0,"type":"trade","venue":"perp-cross","account":"a","asset":"ETH","size":1.0}
            {"step":12,"round":1,"type":"liquidation","venue":"perp-cross","account":"a","notional":5.0}
            {"step":12,"round":3,"type":"liquidation","venue":"perp-cross","account":"b","notional":5.0}
            {"step":12,"round":3,"type":"insurance_payout","venue":"perp-cross","account":"a","amount":300000.0}
            {"step":12,"round":3,"type":"bad_debt","venue":"perp-cross","account":"a","amount":100000.0}
            {"step":13,"round":1,"type":"insurance_payout","venue":"perp-cross","account":"b","amount":250000.0}
            {"step":14,"round":1,"type":"insurance_payout","venue":"perp-cross","account":"c","amount":50000.0}
            """;

  static final String SCENARIO =
      """
            name: flash-crash
            description: A crash.
            run: {steps: 30, stepSeconds: 60}
            assets:
              - {id: ETH, price: 3000}
            venues:
              - {id: perp-cross, type: perpetual, maintenanceMargin: 0.025, tiers: [1, 2]}
              - {id: lend-pool, type: lending}
            """;

  @TempDir Path temp;

  private Path run() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    RunFixtures.write(run.resolve("events.jsonl"), EVENTS);
    RunFixtures.write(run.resolve("scenario.yaml"), SCENARIO);
    new RunReportWriter(CLOCK).write(run);
    return run;
  }

  @Test
  void test_venueRisk_coverOneAndTwoFromEvents() throws Exception {
    List<String> lines = Files.readAllLines(run().resolve("tables/venue-risk.csv"));
    // cover 1 = 1,000,000 / 400,000 = 2.5; cover 2 = 1,000,000 / 650,000 = 1.5384615384615385
    // (every
    // digit in the CSV); liquidation rounds 3 (the round-3 liquidation). lend-pool: fund 0, nobody
    // short: inf, rounds 0.
    assertEquals(
        "venue,fund,accounts short,largest shortfall,two largest,cover 1,cover 2,liquidation rounds",
        lines.get(0));
    assertEquals("perp-cross,1000000,3,400000,650000,2.5,1.5384615384615385,3", lines.get(1));
    assertEquals("lend-pool,0,0,0,0,inf,inf,0", lines.get(2));
  }

  @Test
  void test_odd_parametersFromTheScenarioTree() throws Exception {
    List<String> rows = Files.readAllLines(run().resolve("tables/odd-parameters.csv"));
    assertTrue(rows.contains("venues[0].maintenanceMargin,0.025"), rows.toString());
    assertTrue(rows.contains("venues[0].tiers,\"[1, 2]\""), rows.toString());
    assertTrue(rows.contains("run.steps,30"));
    List<String> entities = Files.readAllLines(run().resolve("tables/odd-entities.csv"));
    assertTrue(entities.contains("venues,2,\"perp-cross, lend-pool\""), entities.toString());
  }

  @Test
  void test_tables_exactInCsvTypesetInLatex() throws Exception {
    Path run = run();
    // The summary tables: the CSV holds the summary's values, not the page's grouped text.
    List<String> totals = Files.readAllLines(run.resolve("tables/totals.csv"));
    assertTrue(totals.contains("liquidatedNotional,23000000"), totals.toString());
    assertTrue(
        Files.readAllLines(run.resolve("tables/assets.csv")).contains("marketMaxDrawdown,0.37"),
        "drawdown as a fraction in the CSV");
    String tex = Files.readString(run.resolve("tables/totals.tex"));
    assertTrue(tex.contains("liquidatedNotional & $23{,}000{,}000.00$ \\\\"), tex);
    String risk = Files.readString(run.resolve("tables/venue-risk.tex"));
    assertTrue(
        risk.contains(
            "perp-cross & $1{,}000{,}000$ & $3$ & $400{,}000$ & $650{,}000$ & $2.5$ & $1.53846$"
                + " & $3$ \\\\"),
        risk);
    assertTrue(risk.contains("$\\infty$"), risk);
  }

  @Test
  void test_pdf_holdsTheSummaryNumbersAndIsReproducible() throws Exception {
    Path run = run();
    byte[] first = Files.readAllBytes(run.resolve("report.pdf"));
    try (PDDocument pdf = Loader.loadPDF(first)) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Marginfall report: flash-crash"));
      assertTrue(text.contains("23,000,000.00"), "total liquidated notional as on the page");
      assertTrue(text.contains("37.00%"), "market max drawdown as on the page");
      assertTrue(text.contains("b2d7b0e1f00d"), "git commit");
      assertTrue(text.contains("1.53846"), "cover 2");
      assertTrue(text.contains("Model description (ODD protocol)"));
    }
    new RunReportWriter(CLOCK).write(run);
    assertArrayEquals(first, Files.readAllBytes(run.resolve("report.pdf")));
  }

  /** Asserts that each marker first occurs in {@code text}, and after the one before it. */
  static void assertInOrder(String text, String... markers) {
    int at = -1;
    for (int k = 0; k < markers.length; k++) {
      int i = text.indexOf(markers[k]);
      assertTrue(i >= 0, "missing: " + markers[k]);
      assertTrue(i > at, markers[k] + " comes before " + (k == 0 ? "the start" : markers[k - 1]));
      at = i;
    }
  }

  @Test
  void test_page_summaryAndChartsFirstModelDescriptionAndParametersAfter() throws Exception {
    String html = Files.readString(run().resolve("report.html"));
    assertInOrder(
        html,
        "<h1>",
        "id=\"totals\"",
        "id=\"venues\"",
        "id=\"assets\"",
        "id=\"charts\"",
        "<h2>Risk metrics</h2>",
        "<h2>Model description (ODD protocol)</h2>",
        "id=\"table-odd-parameters\"",
        "id=\"run\"",
        "id=\"provenance\"",
        "<h2>How to cite</h2>");
  }

  @Test
  void test_pdf_summaryAndChartsFirstModelDescriptionAndParametersAfter() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(run().resolve("report.pdf")))) {
      String text = new PDFTextStripper().getText(pdf);
      assertInOrder(
          text,
          "Totals",
          "Venues",
          "Assets",
          "Charts",
          "Fundamental, market and oracle prices of ETH",
          "Risk metrics",
          "Model description (ODD protocol)",
          "ODD details",
          "Run settings",
          "Provenance",
          "How to cite");
    }
  }

  @Test
  void test_page_showsRiskDefinitionsAndCitation() throws Exception {
    String html = Files.readString(run().resolve("report.html"));
    assertTrue(
        html.contains("Cover 1 = insurance fund at the start / largest single-account shortfall"));
    assertTrue(html.contains("How to cite: The Marginfall contributors"));
    assertTrue(html.contains("git commit b2d7b0e1f00d"));
    assertTrue(html.contains("<td>1.53846</td>"));
  }
}
