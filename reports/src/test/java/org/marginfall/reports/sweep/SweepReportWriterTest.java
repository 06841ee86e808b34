package org.marginfall.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.marginfall.reports.ChartAssertions;
import org.marginfall.reports.SweepReportWriter;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.SweepData;

class SweepReportWriterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:34:56Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @Test
  void test_write_everySweepChartTypeIsAnImageOfTheRightSizeAndValidSvg() throws Exception {
    Path grid = SweepFixtures.writeGrid(temp.resolve("grid"));
    Path sobol = SweepFixtures.writeSobol(temp.resolve("sobol"));
    List<Path> gridFiles = new SweepReportWriter(CLOCK).write(grid);
    List<Path> sobolFiles = new SweepReportWriter(CLOCK).write(sobol);
    List<String> gridCharts =
        List.of(
            "sweep-badDebt-vs-maintenanceMargin",
            "sweep-badDebt-vs-insuranceFund",
            "sweep-liquidations-vs-maintenanceMargin",
            "heatmap-badDebt-maintenanceMargin-insuranceFund",
            "heatmap-liquidations-maintenanceMargin-insuranceFund",
            "loss-badDebt");
    for (String chart : gridCharts) {
      check(grid, gridFiles, chart);
    }
    for (String chart : List.of("sobol-badDebt", "sobol-liquidations", "loss-badDebt")) {
      check(sobol, sobolFiles, chart);
    }
    // Heatmaps are for grids only; Sobol charts for Sobol designs only.
    assertFalse(
        sobolFiles.contains(Path.of("charts/heatmap-badDebt-maintenanceMargin-insuranceFund.png")));
    assertFalse(gridFiles.contains(Path.of("charts/sobol-badDebt.png")));
    for (String t : List.of("provenance", "parameters", "metrics", "risk", "points")) {
      assertTrue(gridFiles.contains(Path.of("tables/" + t + ".csv")), t);
      assertTrue(gridFiles.contains(Path.of("tables/" + t + ".tex")), t);
    }
    assertTrue(sobolFiles.contains(Path.of("tables/sobol.tex")));
    assertTrue(
        gridFiles.contains(Path.of("report.html")) && gridFiles.contains(Path.of("report.pdf")));
  }

  private static void check(Path dir, List<Path> written, String chart) throws Exception {
    Path png = Path.of("charts", chart + ".png");
    Path svg = Path.of("charts", chart + ".svg");
    assertTrue(written.contains(png), chart);
    assertTrue(written.contains(svg), chart);
    ChartAssertions.assertPng(Files.readAllBytes(dir.resolve(png)), 1000, 560);
    ChartAssertions.assertSvg(Files.readAllBytes(dir.resolve(svg)));
  }

  @Test
  void test_risk_sampledDesignPoolsEveryRun() throws Exception {
    Path sobol = SweepFixtures.writeSobol(temp.resolve("sobol"));
    new SweepReportWriter(CLOCK).write(sobol);
    List<String> lines = Files.readAllLines(sobol.resolve("tables/risk.csv"));
    assertEquals("metric,runs,mean,VaR 95%,VaR 99%,ES 95%,ES 99%,P(>0)", lines.get(0));
    // badDebt over the 12 runs is 10, 20, ..., 120. Mean 65.
    // VaR95: h = 11 * 0.95 = 10.45, x_(11) + 0.45 (x_(12) - x_(11)) = 110 + 4.5 = 114.5.
    // VaR99: h = 10.89, 110 + 0.89 * 10 = 118.9. ES95 = ES99 = mean of {120} = 120. All positive.
    String row = lines.get(1);
    assertTrue(row.startsWith("badDebt,12,\"65 ["), row);
    assertTrue(row.contains(",\"114.5 ["), row);
    assertTrue(row.contains(",\"118.9 ["), row);
    assertTrue(row.contains(",\"120 ["), row);
    assertTrue(row.endsWith(",1"), row);
  }

  @Test
  void test_heatmap_labelsParameterValuesAsNumbersNotAsJavaDoubles() throws Exception {
    // runs.csv holds the values as Java writes doubles (1000.0, 2000.0; 1.4E7 from 10^7 on).
    Path grid = SweepFixtures.writeGrid(temp.resolve("grid"));
    new SweepReportWriter(CLOCK).write(grid);
    String svg =
        Files.readString(
            grid.resolve("charts/heatmap-badDebt-maintenanceMargin-insuranceFund.svg"));
    assertTrue(svg.contains(">1,000<") && svg.contains(">2,000<"), "tick labels of insuranceFund");
    assertFalse(svg.contains(">1000.0<"), "Java's double text on an axis");
    assertEquals("14,000,000", org.marginfall.reports.chart.SweepCharts.axisLabel("1.4E7"));
    assertEquals("6,000,000", org.marginfall.reports.chart.SweepCharts.axisLabel("6000000.0"));
    assertEquals("0.005", org.marginfall.reports.chart.SweepCharts.axisLabel("0.005"));
    assertEquals("cross", org.marginfall.reports.chart.SweepCharts.axisLabel("cross"));
  }

  @Test
  void test_risk_gridIsNotPooledAcrossPoints() throws Exception {
    Path grid = SweepFixtures.writeGrid(temp.resolve("grid"));
    new SweepReportWriter(CLOCK).write(grid);
    List<String> lines = Files.readAllLines(grid.resolve("tables/risk.csv"));
    assertEquals(
        "point,maintenanceMargin,insuranceFund,metric,runs,mean,VaR 95%,VaR 99%,ES 95%,ES 99%,P(>0)",
        lines.get(0));
    // Four points by two metrics, each over its three replications only.
    assertEquals(1 + 4 * 2, lines.size());
    // Point 0: badDebt 10, 20, 30. Mean 20; VaR95: h = 2 * 0.95 = 1.9, 20 + 0.9 * 10 = 29;
    // VaR99: h = 1.98, 29.8; ES95 = ES99 = mean of {30} = 30.
    String p0 = lines.get(1);
    assertTrue(p0.startsWith("0,0.01,1000,badDebt,3,\"20 ["), p0);
    assertTrue(p0.contains(",\"29 [") && p0.contains(",\"29.8 [") && p0.contains(",\"30 ["), p0);
    // Point 3: badDebt 100, 110, 120: VaR95 119, ES 120; never the pooled 114.5.
    String p3 = lines.get(7);
    assertTrue(p3.startsWith("3,0.02,2000,badDebt,3,\"110 ["), p3);
    assertTrue(p3.contains(",\"119 [") && p3.contains(",\"120 ["), p3);
    assertFalse(String.join("\n", lines).contains("114.5"));
  }

  @Test
  void test_levels_meanAndBootstrapBandPerParameterValue() {
    // maintenanceMargin 0.01: points 0 and 1, badDebt 10..60, mean 35. The band is the 95%
    // percentile bootstrap of the mean: inside the values' range, around the mean.
    SweepData data = readGrid();
    var levels =
        org.marginfall.reports.chart.SweepCharts.levels(data, "badDebt", "maintenanceMargin");
    assertEquals(2, levels.size());
    assertEquals(35, levels.get(0).mean(), 1e-9);
    assertEquals(6, levels.get(0).n());
    assertTrue(levels.get(0).low() >= 10 && levels.get(0).low() < 35, "low " + levels.get(0).low());
    assertTrue(
        levels.get(0).high() <= 60 && levels.get(0).high() > 35, "high " + levels.get(0).high());
    // 0.02: points 2 and 3, 70..120, mean 95.
    assertEquals(95, levels.get(1).mean(), 1e-9);
  }

  @Test
  void test_levels_continuousDesignsAreBinnedByEqualCount() throws Exception {
    // A random design with x = 1..16 (one run each) and m = x: 8 bins of 2 runs; the first holds
    // x = 1, 2: mean m 1.5 at x 1.5. Its bootstrap means are 1, 1.5, 2 with probabilities 1/4,
    // 1/2, 1/4, so the 95% band is [1, 2] (Student's t gave 1.5 +- 6.35).
    Path dir = Files.createDirectories(temp.resolve("random"));
    StringBuilder runs = new StringBuilder("point,replication,seed,x,m,status,reason,error\n");
    for (int i = 1; i <= 16; i++) {
      runs.append(i - 1).append(",0,1,").append(i).append(".0,").append(i).append(".0,ok,,\n");
    }
    Files.writeString(dir.resolve("runs.csv"), runs.toString());
    Files.writeString(dir.resolve("points.csv"), "point,x,metric\n");
    Files.writeString(
        dir.resolve("manifest.json"),
        "{\"design\": {\"type\": \"random\"},"
            + " \"parameters\": [{\"name\": \"x\"}], \"metrics\": [{\"name\": \"m\", \"path\": \"totals.m\"}]}");
    var levels = org.marginfall.reports.chart.SweepCharts.levels(SweepData.read(dir), "m", "x");
    assertEquals(8, levels.size());
    assertEquals("[1, 2]", levels.get(0).label());
    assertEquals(1.5, levels.get(0).x(), 1e-12);
    assertEquals(1.5, levels.get(0).mean(), 1e-12);
    assertEquals(1.0, levels.get(0).low(), 0.0);
    assertEquals(2.0, levels.get(0).high(), 0.0);
    assertEquals("[15, 16]", levels.get(7).label());
  }

  private SweepData readGrid() {
    try {
      return SweepData.read(SweepFixtures.writeGrid(temp.resolve("levels")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void test_pdf_opensAndHoldsTheSummaryNumbersAndProvenance() throws Exception {
    Path grid = SweepFixtures.writeGrid(temp.resolve("grid"));
    new SweepReportWriter(CLOCK).write(grid);
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(grid.resolve("report.pdf")))) {
      assertTrue(pdf.getNumberOfPages() >= 2);
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Marginfall sweep report: tiny-grid"));
      assertTrue(text.contains("114.5"), "VaR 95% of badDebt");
      assertTrue(text.contains("118.9"), "VaR 99% of badDebt");
      assertTrue(text.contains(SweepFixtures.COMMIT), "git commit");
      assertTrue(text.contains("How to cite"));
      assertTrue(text.contains("Risk metrics"));
      assertEquals(
          2026, pdf.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
    }
  }

  @Test
  void test_write_twiceGivesIdenticalFilesAndOnlyTheTimeLineDependsOnTheClock() throws Exception {
    Path a = SweepFixtures.writeSobol(temp.resolve("a"));
    Path b = SweepFixtures.writeSobol(temp.resolve("b"));
    List<Path> written = new SweepReportWriter(CLOCK).write(a);
    assertEquals(written, new SweepReportWriter(CLOCK).write(b));
    for (Path file : written) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(file)),
          Files.readAllBytes(b.resolve(file)),
          file + " differs");
    }
    String before = Files.readString(a.resolve("report.html"), StandardCharsets.UTF_8);
    new SweepReportWriter(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
        .write(a);
    String after = Files.readString(a.resolve("report.html"), StandardCharsets.UTF_8);
    assertEquals(before.replace("2026-11-21T12:34:56Z", "2030-01-01T00:00:00Z"), after);
  }

  @Test
  void test_write_missingPointsCsvIsAOneLineError() throws Exception {
    Path grid = SweepFixtures.writeGrid(temp.resolve("grid"));
    Files.delete(grid.resolve("points.csv"));
    ReportException e =
        assertThrows(ReportException.class, () -> new SweepReportWriter(CLOCK).write(grid));
    assertTrue(e.getMessage().startsWith("points.csv: file not found"), e.getMessage());
    assertFalse(SweepData.isSweepDirectory(grid));
  }
}
