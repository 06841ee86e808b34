package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;
import org.w3c.dom.Document;

/**
 * End to end: {@code marginfall run examples/flash-crash.yaml --out DIR --audit} once, then every
 * file of docs/outputs.md checked against the contract, against the scenario and against the other
 * files of the same run.
 */
class FlashCrashRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The example's settings, as written in examples/flash-crash.yaml. */
  private static final long STEPS = 120;

  private static final double STEP_SECONDS = 60.0;
  private static final long SEED = 20200312;
  private static final List<String> VENUES = List.of("perp-cross", "perp-isolated");
  private static final List<String> ASSETS = List.of("ETH", "BTC");
  private static final List<String> ORACLES = List.of("fast-feed", "lagged-feed");
  private static final double LIQUIDATION_FEE = 0.01;
  private static final double LIQUIDATOR_SHARE = 0.5;

  /** One ledger atom: money is held in whole 10^-6 units of the base currency. */
  private static final double ATOM = 1e-6;

  /**
   * Relative tolerance for sums of ~10^3 doubles that are not atom amounts (notional at execution
   * prices): each addition rounds by at most 2^-53 ≈ 1.1e-16 relative, so 10^3 of them stay below
   * 1e-12.
   */
  private static final double SUM_REL = 1e-12;

  @TempDir static Path tmp;

  private static Path example;
  private static Path run;
  private static CliResult result;
  private static JsonNode summary;
  private static JsonNode manifest;
  private static Csv series;
  private static List<JsonNode> events;

  @BeforeAll
  static void runTheExampleOnce() throws IOException {
    example = Fixtures.example();
    run = tmp.resolve("run");
    result = cli("run", example.toString(), "--out", run.toString(), "--audit");
    assertEquals(0, result.exit(), result.err());
    summary = JSON.readTree(run.resolve("summary.json").toFile());
    manifest = JSON.readTree(run.resolve("manifest.json").toFile());
    series = Fixtures.csv(run.resolve("timeseries.csv"));
    events = new ArrayList<>();
    for (String line : Fixtures.read(run.resolve("events.jsonl")).lines().toList()) {
      events.add(JSON.readTree(line));
    }
  }

  @Test
  void test_run_writesEveryDocumentedFileAndNothingElse() throws IOException {
    assertEquals("", result.err());
    assertTrue(result.out().contains("wrote " + run), result.out());
    List<String> tables = new java.util.ArrayList<>();
    for (String t :
        List.of(
            "amplification",
            "assets",
            "audit",
            "network-venues",
            "odd-entities",
            "odd-parameters",
            "provenance",
            "run",
            "totals",
            "venue-risk",
            "venues")) {
      tables.add("tables/" + t + ".csv");
      tables.add("tables/" + t + ".tex");
    }
    List<String> contagionFiles = new java.util.ArrayList<>();
    if (summary.has("contagion")) {
      // The report's contagion section: its tables, and its charts (the bad-debt heatmap only when
      // some cause left bad debt).
      for (String t :
          List.of(
              "cascade-generations",
              "contagion-bad-debt",
              "contagion-headline",
              "contagion-liquidations",
              "contagion-notional",
              "contagion-timing")) {
        contagionFiles.add("tables/" + t + ".csv");
        contagionFiles.add("tables/" + t + ".tex");
      }
      List<String> charts =
          new java.util.ArrayList<>(List.of("cascade-generations", "contagion-notional"));
      boolean badDebt = false;
      for (JsonNode row : summary.path("contagion").path("matrix").path("badDebt")) {
        for (JsonNode cell : row) {
          badDebt |= cell.asDouble() != 0;
        }
      }
      if (badDebt) {
        charts.add("contagion-bad-debt");
      }
      charts.forEach(
          c -> {
            contagionFiles.add("charts/" + c + ".png");
            contagionFiles.add("charts/" + c + ".svg");
          });
    }
    List<String> expected = new java.util.ArrayList<>(tables);
    expected.addAll(contagionFiles);
    expected.addAll(
        List.of(
            "charts/bad-debt.png",
            "charts/bad-debt.svg",
            "charts/insurance-fund.png",
            "charts/insurance-fund.svg",
            "charts/health-perp-cross.png",
            "charts/health-perp-cross.svg",
            "charts/health-perp-isolated.png",
            "charts/health-perp-isolated.svg",
            "charts/liquidations.png",
            "charts/liquidations.svg",
            "charts/prices-BTC.png",
            "charts/prices-BTC.svg",
            "charts/prices-ETH.png",
            "charts/prices-ETH.svg",
            "events.jsonl",
            "exposures.json",
            "manifest.json",
            "network.json",
            "report.html",
            "report.pdf",
            "scenario.yaml",
            "summary.json",
            "timeseries-long.parquet",
            "timeseries.csv"));
    java.util.Collections.sort(expected);
    try (Stream<Path> files = Files.walk(run)) {
      List<String> written =
          files
              .filter(Files::isRegularFile)
              .map(p -> run.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      assertEquals(expected, written);
    }
    // scenario.yaml holds exactly the bytes that were read and hashed.
    assertArrayEquals(
        Files.readAllBytes(example), Files.readAllBytes(run.resolve("scenario.yaml")));
    // The run directory was published from a hidden sibling, which must be gone.
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(run), siblings.toList());
    }
  }

  @Test
  void test_summary_hasTheDocumentedSectionsAndRunSettings() {
    assertEquals(
        List.of("scenario", "run", "assets", "venues", "totals", "contagion", "audit"),
        fieldNames(summary));
    assertEquals("flash-crash", summary.at("/scenario/name").asText());
    assertEquals(Fixtures.sha256(example), summary.at("/scenario/sha256").asText());
    JsonNode r = summary.get("run");
    assertEquals(SEED, r.get("seed").asLong());
    assertEquals(0, r.get("replication").asInt());
    assertEquals(STEPS, r.get("steps").asLong());
    assertEquals(STEP_SECONDS, r.get("stepSeconds").asDouble());
    assertEquals(5, r.get("maxLiquidationRounds").asInt());
    assertEquals("USD", r.get("baseCurrency").asText());
    assertEquals(ASSETS, fieldNames(summary.get("assets")));
    assertEquals(VENUES, fieldNames(summary.get("venues")));
  }

  @Test
  void test_summary_auditCheckedEveryStepWithoutViolations() {
    JsonNode audit = summary.get("audit");
    assertTrue(audit.get("enabled").asBoolean());
    // Step 0 (after set-up) and each of the 120 ticks.
    assertEquals(STEPS + 1, audit.get("stepsChecked").asLong());
    assertEquals(0, audit.get("violations").asInt());
    assertTrue(manifest.get("audit").asBoolean());
  }

  @Test
  void test_summary_venuesAsSetUpByTheScenario() {
    JsonNode cross = summary.at("/venues/perp-cross");
    JsonNode isolated = summary.at("/venues/perp-isolated");
    assertEquals("perpetual", cross.get("type").asText());
    assertEquals("cross", cross.get("marginMode").asText());
    assertEquals("isolated", isolated.get("marginMode").asText());
    // Cross margin: one account per trader, 300 + 100. Isolated: one per trader and market,
    // 400 traders x {ETH, BTC}.
    assertEquals(300 + 100, cross.get("accounts").asInt());
    assertEquals(400 * 2, isolated.get("accounts").asInt());
    for (String v : VENUES) {
      assertEquals(2.0e6, summary.at("/venues/" + v + "/insuranceFundStart").asDouble(), v);
    }
  }

  @Test
  void test_summary_bothVenuesLiquidateAndPriceImpactAmplifiesTheCrash() {
    for (String v : VENUES) {
      assertTrue(summary.at("/venues/" + v + "/liquidations").asLong() > 0, v);
    }
    JsonNode eth = summary.at("/assets/ETH");
    double fundamental = eth.get("fundamentalMaxDrawdown").asDouble();
    double market = eth.get("marketMaxDrawdown").asDouble();
    // The shock alone is -30%: 1 - 0.7 = 0.3, give or take the diffusion (sd of ln P over two
    // hours at 60% a year: 0.6 * sqrt(120 / 525600) = 0.009).
    assertTrue(fundamental > 0.27 && fundamental < 0.33, "fundamental drawdown " + fundamental);
    assertTrue(market > fundamental, market + " <= " + fundamental);
    double amplification = eth.get("amplification").asDouble();
    assertTrue(amplification > 1, "amplification " + amplification);
    assertEquals(market / fundamental, amplification, 1e-12 * amplification);
    assertEquals(3000.0, eth.get("initialFundamental").asDouble());
    assertEquals(3000.0, eth.get("initialMarket").asDouble());
    assertEquals(60000.0, summary.at("/assets/BTC/initialFundamental").asDouble());
  }

  @Test
  void test_summary_drawdownsAgreeWithTheTimeseries() {
    for (String a : ASSETS) {
      JsonNode s = summary.at("/assets/" + a);
      double[] f = series.numbers("fundamental_price." + a);
      double[] m = series.numbers("market_price." + a);
      assertEquals(maxDrawdown(f), s.get("fundamentalMaxDrawdown").asDouble(), 1e-12, a);
      assertEquals(maxDrawdown(m), s.get("marketMaxDrawdown").asDouble(), 1e-12, a);
      assertEquals(f[0], s.get("initialFundamental").asDouble(), a);
      assertEquals(f[f.length - 1], s.get("finalFundamental").asDouble(), a);
      assertEquals(min(f), s.get("minFundamental").asDouble(), a);
      assertEquals(m[m.length - 1], s.get("finalMarket").asDouble(), a);
      assertEquals(min(m), s.get("minMarket").asDouble(), a);
    }
  }

  @Test
  void test_timeseries_headerInTheDocumentedOrder() {
    List<String> header = new ArrayList<>(List.of("step", "time_s"));
    for (String a : ASSETS) {
      header.add("fundamental_price." + a);
      header.add("market_price." + a);
    }
    for (String o : ORACLES) {
      for (String a : ASSETS) {
        header.add("oracle_price." + o + "." + a);
      }
    }
    for (String v : VENUES) {
      for (String m :
          List.of(
              "liquidations",
              "liquidated_notional",
              "bad_debt",
              "insurance_fund",
              "open_interest",
              "liquidatable",
              "health_count",
              "health_p05",
              "health_p25",
              "health_p50",
              "health_p75",
              "health_p95")) {
        header.add(m + "." + v);
      }
    }

    assertEquals(header, series.header());
  }

  @Test
  void test_timeseries_oneFullRowPerStepFromZero() {
    assertEquals(STEPS + 1, series.rows().size());
    for (int t = 0; t <= STEPS; t++) {
      String[] row = series.rows().get(t);
      assertEquals(series.header().size(), row.length, "cells in row " + t);
      assertEquals(String.valueOf(t), row[0]);
      assertEquals(t * STEP_SECONDS, Double.parseDouble(row[1]));
      for (int c = 0; c < row.length; c++) {
        String column = series.header().get(c);
        if (row[c].isEmpty() && column.startsWith("health_p")) {
          // Undefined quantiles are empty, and only when no account of the venue carries risk.
          String venue = column.substring(column.indexOf('.') + 1);
          assertEquals(
              "0",
              row[series.header().indexOf("health_count." + venue)],
              "row " + t + ": " + column);
          continue;
        }
        assertTrue(
            Double.isFinite(Double.parseDouble(row[c])),
            "row " + t + ": " + column + " = " + row[c]);
      }
    }
  }

  @Test
  void test_events_everyLineIsAnObjectWithSortedKeys() {
    assertFalse(events.isEmpty());
    for (JsonNode e : events) {
      assertTrue(e.isObject(), e.toString());
      assertTrue(e.has("step") && e.get("step").isIntegralNumber(), e.toString());
      assertTrue(e.has("round") && e.get("round").isIntegralNumber(), e.toString());
      assertTrue(e.has("type") && e.get("type").isTextual(), e.toString());
      List<String> keys = fieldNames(e);
      assertEquals(keys.stream().sorted().toList(), keys, e.toString());
    }
    // Steps never go back, and rounds are 0 outside the liquidation phase.
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).get("step").asLong() >= events.get(i - 1).get("step").asLong());
    }
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("shock") || e.get("type").asText().equals("trade")) {
        assertEquals(0, e.get("round").asInt(), e.toString());
      }
      if (e.get("type").asText().equals("liquidation")) {
        assertTrue(e.get("round").asInt() >= 1 && e.get("round").asInt() <= 5, e.toString());
      }
    }
  }

  @Test
  void test_events_shockSpreadsMinusThirtyPercentOverTenSteps() {
    // change -0.30 over steps 20..29, geometrically: each step's factor is 0.7^(1/10).
    List<JsonNode> shocks =
        events.stream().filter(e -> e.get("type").asText().equals("shock")).toList();
    assertEquals(10, shocks.size());
    double product = 1;
    for (int k = 0; k < shocks.size(); k++) {
      JsonNode s = shocks.get(k);
      assertEquals(20 + k, s.get("step").asLong());
      assertEquals("ETH", s.get("asset").asText());
      assertEquals(0, s.get("shock").asInt());
      assertEquals(Math.pow(0.7, 0.1), s.get("factor").asDouble(), 1e-12);
      product *= s.get("factor").asDouble();
    }
    assertEquals(0.7, product, 1e-12);
  }

  @Test
  void test_events_sumToTheSummaryPerVenue() {
    for (String v : VENUES) {
      JsonNode s = summary.at("/venues/" + v);
      List<JsonNode> liquidations = ofVenue("liquidation", v);
      assertEquals(s.get("liquidations").asLong(), liquidations.size(), v);
      double notional = sum(liquidations, "notional");
      assertEquals(s.get("liquidatedNotional").asDouble(), notional, SUM_REL * notional, v);
      assertEquals(s.get("liquidationFees").asDouble(), sum(liquidations, "fee"), ATOM, v);
      assertEquals(s.get("badDebt").asDouble(), sum(ofVenue("bad_debt", v), "amount"), ATOM, v);
      assertEquals(
          s.get("insurancePaid").asDouble(),
          sum(ofVenue("insurance_payout", v), "amount"),
          ATOM,
          v);
      long first = liquidations.stream().mapToLong(e -> e.get("step").asLong()).min().orElseThrow();
      assertEquals(first, s.get("firstLiquidationStep").asLong(), v);
    }
    JsonNode totals = summary.get("totals");
    assertEquals(
        events.stream().filter(e -> e.get("type").asText().equals("liquidation")).count(),
        totals.get("liquidations").asLong());
    double badDebt = 0;
    for (String v : VENUES) {
      badDebt += summary.at("/venues/" + v + "/badDebt").asDouble();
    }
    assertEquals(badDebt, totals.get("badDebt").asDouble(), ATOM);
  }

  @Test
  void test_timeseries_agreesWithTheSummaryPerVenue() {
    for (String v : VENUES) {
      JsonNode s = summary.at("/venues/" + v);
      double[] count = series.numbers("liquidations." + v);
      double[] notional = series.numbers("liquidated_notional." + v);
      double[] badDebt = series.numbers("bad_debt." + v);
      double[] fund = series.numbers("insurance_fund." + v);
      assertEquals(s.get("liquidations").asDouble(), sumOf(count), v);
      assertEquals(
          s.get("liquidatedNotional").asDouble(), sumOf(notional), SUM_REL * sumOf(notional), v);
      assertEquals(s.get("badDebt").asDouble(), badDebt[badDebt.length - 1], v);
      assertEquals(s.get("insuranceFundStart").asDouble(), fund[0], v);
      assertEquals(s.get("insuranceFundEnd").asDouble(), fund[fund.length - 1], v);
      int firstRow = 0;
      while (count[firstRow] == 0) {
        firstRow++;
      }
      assertEquals(s.get("firstLiquidationStep").asLong(), firstRow, v);
      for (int t = 1; t < badDebt.length; t++) {
        assertTrue(badDebt[t] >= badDebt[t - 1], "bad debt is cumulative: " + v + " step " + t);
      }
    }
  }

  @Test
  void test_events_liquidationFeesFollowTheVenueTerms() {
    // fee = min(1% of notional, equity left), split 50/50 between liquidator and insurance fund
    // (the venue rounds the liquidator's part down to an atom, pro rata per closed position).
    for (JsonNode e : events) {
      if (!e.get("type").asText().equals("liquidation")) {
        continue;
      }
      double fee = e.get("fee").asDouble();
      double toLiquidator = e.get("feeToLiquidator").asDouble();
      double toInsurance = e.get("feeToInsurance").asDouble();
      assertTrue(
          fee >= 0 && fee <= LIQUIDATION_FEE * e.get("notional").asDouble() + ATOM, e.toString());
      assertEquals(fee, toLiquidator + toInsurance, ATOM, e.toString());
      assertEquals(LIQUIDATOR_SHARE * fee, toLiquidator, ATOM, e.toString());
      assertTrue(
          e.get("equityBefore").asDouble() < e.get("maintenanceBefore").asDouble(),
          "only accounts below maintenance are liquidated: " + e);
    }
  }

  @Test
  void test_manifest_recordsProvenance() {
    assertEquals("marginfall", manifest.at("/software/name").asText());
    String version = manifest.at("/software/version").asText();
    assertTrue(
        version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
        "version filtered from the pom: " + version);
    assertEquals(example.toString(), manifest.at("/scenario/file").asText());
    assertEquals(Fixtures.sha256(example), manifest.at("/scenario/sha256").asText());
    assertEquals(SEED, manifest.get("seed").asLong());
    assertEquals(0, manifest.get("replication").asInt());
    assertNotNull(Instant.parse(manifest.get("startedAt").asText()));
    assertTrue(manifest.get("wallTimeSeconds").isNumber());
    assertTrue(manifest.get("wallTimeSeconds").asDouble() > 0);
    assertFalse(manifest.at("/jvm/version").asText().isEmpty());
    assertFalse(manifest.at("/os/name").asText().isEmpty());
  }

  @Test
  void test_manifest_streamSeedsFollowTheDocumentedDerivation() {
    JsonNode streams = manifest.at("/randomStreams/streams");
    List<String> expected =
        List.of(
            "agents/cross-eth-traders",
            "agents/cross-usd-traders",
            "agents/isolated-traders",
            "agents/keepers",
            "prices/BTC",
            "prices/ETH");
    assertEquals(expected, fieldNames(streams));
    for (String name : expected) {
      assertEquals(
          Long.toUnsignedString(streamSeed(SEED, name, 0), 16), streams.get(name).asText(), name);
    }
    assertTrue(manifest.at("/randomStreams/derivation").asText().contains("fnv1a64"));
  }

  @Test
  void test_manifest_fileHashesMatchTheFiles() {
    JsonNode files = manifest.get("files");
    assertEquals(List.of("summary.json", "timeseries.csv", "events.jsonl"), fieldNames(files));
    for (String f : fieldNames(files)) {
      assertEquals(Fixtures.sha256(run.resolve(f)), files.get(f).asText(), f);
    }
  }

  @Test
  void test_charts_pngsDecodeAndSvgsAreXml() throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setNamespaceAware(true);
    xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (String chart : List.of("prices-ETH", "prices-BTC", "liquidations")) {
      BufferedImage png = ImageIO.read(run.resolve("charts/" + chart + ".png").toFile());
      assertNotNull(png, chart + ".png does not decode");
      assertTrue(png.getWidth() > 0 && png.getHeight() > 0, chart);
      Document svg =
          xml.newDocumentBuilder().parse(run.resolve("charts/" + chart + ".svg").toFile());
      assertEquals("svg", svg.getDocumentElement().getLocalName(), chart);
    }
  }

  @Test
  void test_report_isOneHtmlPageNamingTheVenues() {
    String html = Fixtures.read(run.resolve("report.html"));
    assertTrue(html.toLowerCase(Locale.ROOT).contains("<html"), "not an HTML page");
    for (String v : VENUES) {
      assertTrue(html.contains(v), v + " missing from the report");
    }
  }

  /**
   * {@code seed = mix(mix(mix(master) ^ fnv1a64(name)) ^ mix(replication + 1))}, per the manifest.
   */
  private static long streamSeed(long master, String name, int replication) {
    return mix(mix(mix(master) ^ fnv1a64(name)) ^ mix(replication + 1L));
  }

  /** The SplitMix64 output function (Steele, Lea and Flood 2014): shifts 30, 27, 31. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a: offset basis 0xcbf29ce484222325, prime 2^40 + 2^8 + 0xb3. */
  private static long fnv1a64(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return h;
  }

  private static List<JsonNode> ofVenue(String type, String venue) {
    return events.stream()
        .filter(e -> e.get("type").asText().equals(type) && e.get("venue").asText().equals(venue))
        .toList();
  }

  private static double sum(List<JsonNode> nodes, String field) {
    double s = 0;
    for (JsonNode n : nodes) {
      s += n.get(field).asDouble();
    }
    return s;
  }

  private static double sumOf(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  private static double min(double[] xs) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : xs) {
      m = Math.min(m, x);
    }
    return m;
  }

  /** {@code max_t (1 - P_t / max_{s<=t} P_s)}, as docs/outputs.md defines it. */
  private static double maxDrawdown(double[] prices) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (double p : prices) {
      peak = Math.max(peak, p);
      worst = Math.max(worst, 1 - p / peak);
    }
    return worst;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
