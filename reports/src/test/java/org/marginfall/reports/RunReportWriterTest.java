package org.marginfall.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.data.ReportException;

class RunReportWriterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:34:56Z"), ZoneOffset.UTC);
  private static final List<String> CHARTS =
      List.of(
          "charts/bad-debt.png",
          "charts/bad-debt.svg",
          "charts/insurance-fund.png",
          "charts/insurance-fund.svg",
          "charts/liquidations.png",
          "charts/liquidations.svg",
          "charts/prices-ETH.png",
          "charts/prices-ETH.svg");
  private static final List<String> TABLES =
      Stream.of("amplification", "assets", "audit", "provenance", "run", "totals", "venues")
          .flatMap(t -> Stream.of("tables/" + t + ".csv", "tables/" + t + ".tex"))
          .toList();

  @TempDir Path temp;

  private final RunReportWriter writer = new RunReportWriter(CLOCK);

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesEveryChartAndThePageAndReturnsThemSorted() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    List<Path> written = writer.write(run);

    assertEquals(
        Stream.of(CHARTS.stream(), Stream.of("report.html", "report.pdf"), TABLES.stream())
            .flatMap(s -> s)
            .map(Path::of)
            .toList(),
        written);
    for (Path file : written) {
      assertTrue(Files.isRegularFile(run.resolve(file)), file + " missing");
    }
    for (String chart : CHARTS) {
      byte[] bytes = Files.readAllBytes(run.resolve(chart));
      if (chart.endsWith(".png")) {
        ChartAssertions.assertPng(bytes, 1000, 560);
      } else {
        ChartAssertions.assertSvg(bytes);
      }
    }
    try (Stream<Path> files = Files.list(run.resolve("charts"))) {
      assertFalse(
          files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left");
    }
  }

  @Test
  void pageShowsTheRunAndInlinesEveryChart() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    writer.write(run);
    String html = read(run.resolve("report.html"));

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<h1>Marginfall report: flash-crash</h1>"));
    assertTrue(html.contains("Generated at 2026-11-21T12:34:56Z"));
    for (String venue : RunFixtures.VENUES) {
      assertTrue(html.contains("<th>" + venue + "</th>"), venue);
    }
    assertTrue(html.contains("<tr><th>marketMaxDrawdown</th><td class=\"num\">37.00%</td></tr>"));
    assertTrue(
        html.contains("<tr><th>liquidatedNotional</th><td class=\"num\">23,000,000.00</td></tr>"),
        "totals");
    assertTrue(html.contains("<td class=\"num\">12,000,000.00</td>"));
    assertTrue(html.contains("b2d7b0e1f00d"), "git commit from the manifest");
    assertTrue(html.contains("<td>1.900 s</td>"), "wall time from the manifest");

    // One inlined PNG per chart, identical to the file written next to it, and a link to its SVG.
    Matcher img =
        Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"[^>]* alt=\"[^\"]+\"")
            .matcher(html);
    for (String png :
        List.of(
            "charts/prices-ETH.png",
            "charts/liquidations.png",
            "charts/insurance-fund.png",
            "charts/bad-debt.png")) {
      assertTrue(img.find(), "no inline image for " + png);
      assertArrayEquals(
          Files.readAllBytes(run.resolve(png)), Base64.getDecoder().decode(img.group(1)));
      assertTrue(html.contains("href=\"" + png.replace(".png", ".svg") + "\""));
    }
    assertFalse(img.find(), "more images than charts");
  }

  @Test
  void oracleFailuresOfTheScenarioAreShadedOnThePriceAndLiquidationCharts() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    RunFixtures.write(
        run.resolve("scenario.yaml"),
        """
                name: flash-crash
                oracles:
                  - id: chainlink
                    failures:
                      - {asset: ETH, fromStep: 12, steps: 4, mode: frozen}
                """);
    writer.write(run);
    for (String chart : List.of("charts/prices-ETH.svg", "charts/liquidations.svg")) {
      assertTrue(read(run.resolve(chart)).contains(">oracle chainlink: frozen<"), chart);
    }
  }

  @Test
  void pageNeedsNoNetwork() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    writer.write(run);
    String html = read(run.resolve("report.html"));
    assertFalse(
        Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find());
    assertFalse(Pattern.compile("(?i)https?://").matcher(html).find());
    // One inline script (the image-load marker for browser checks) and nothing loaded by one.
    assertEquals(1, html.split("<script", -1).length - 1);
    assertTrue(
        html.contains(
            "<script>" + org.marginfall.reports.doc.HtmlDocument.IMAGE_CHECK + "</script>"));
    assertFalse(Pattern.compile("(?i)<script[^>]*src").matcher(html).find());
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("@import"));
  }

  @Test
  void sameInputsAndClockGiveIdenticalFiles() throws Exception {
    Path first = RunFixtures.writeRunDir(temp.resolve("a"));
    Path second = RunFixtures.writeRunDir(temp.resolve("b"));
    List<Path> written = writer.write(first);
    assertEquals(written, new RunReportWriter(CLOCK).write(second));
    for (Path file : written) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)),
          Files.readAllBytes(second.resolve(file)),
          file + " differs");
    }
  }

  @Test
  void onlyTheGenerationLineDependsOnTheClock() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    writer.write(run);
    String before = read(run.resolve("report.html"));
    new RunReportWriter(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
        .write(run);
    String after = read(run.resolve("report.html"));
    assertEquals(before.replace("2026-11-21T12:34:56Z", "2030-01-01T00:00:00Z"), after);
  }

  @Test
  void scenarioNameIsEscaped() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"), "<b>crash & \"burn\"</b>");
    writer.write(run);
    String html = read(run.resolve("report.html"));
    assertTrue(
        html.contains(
            "<h1>Marginfall report: &lt;b&gt;crash &amp; &quot;burn&quot;&lt;/b&gt;</h1>"));
    assertFalse(html.contains("<b>crash"));
  }

  @Test
  void missingManifestIsTolerated() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    Files.delete(run.resolve("manifest.json"));
    assertTrue(writer.write(run).contains(Path.of("report.pdf")));
    assertTrue(read(run.resolve("report.html")).contains("has no manifest.json"));
  }

  @Test
  void missingTimeseriesIsReportedAndNothingIsWritten() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    Files.delete(run.resolve("timeseries.csv"));
    ReportException e = assertThrows(ReportException.class, () -> writer.write(run));
    assertTrue(e.getMessage().startsWith("timeseries.csv: file not found"), e.getMessage());
    assertFalse(Files.exists(run.resolve("charts")));
    assertFalse(Files.exists(run.resolve("report.html")));
  }

  @Test
  void timeseriesWithoutStepNamesTheColumn() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    RunFixtures.write(
        run.resolve("timeseries.csv"), RunFixtures.timeseriesCsv().replaceFirst("^step,", "tick,"));
    ReportException e = assertThrows(ReportException.class, () -> writer.write(run));
    assertEquals("timeseries.csv: missing column 'step'", e.getMessage());
  }

  @Test
  void malformedSummaryGivesOneLine() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    RunFixtures.write(run.resolve("summary.json"), "{\n  \"scenario\": \n");
    ReportException e = assertThrows(ReportException.class, () -> writer.write(run));
    assertTrue(e.getMessage().startsWith("summary.json: not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void runDirMustBeADirectory() {
    ReportException e =
        assertThrows(ReportException.class, () -> writer.write(temp.resolve("nope")));
    assertTrue(e.getMessage().endsWith("nope: not a directory"), e.getMessage());
  }
}
