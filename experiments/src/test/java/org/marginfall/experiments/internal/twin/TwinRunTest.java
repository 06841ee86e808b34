package org.marginfall.experiments.internal.twin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;

/**
 * {@code run --twin isolated} on the bundled flash-crash example (a cross and an isolated venue),
 * end to end through the CLI: the comparison agrees with the two runs' own summaries and with an
 * owner-by-owner count redone here from their events.jsonl, the twin shares the base run's
 * exogenous path, and two runs are byte-identical.
 */
class TwinRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VENUES = List.of("perp-cross", "perp-isolated");
  private static final List<String> STABLE =
      List.of(
          "twin-comparison.json",
          "twin-comparison.csv",
          "summary.json",
          "network.json",
          "exposures.json",
          "twin/isolated/summary.json",
          "twin/isolated/events.jsonl",
          "twin/isolated/timeseries.csv",
          "twin/isolated/network.json",
          "twin/isolated/scenario.yaml");

  @TempDir static Path tmp;

  private static Path first;
  private static Path second;
  private static CliResult firstCli;
  private static JsonNode comparison;
  private static JsonNode base;
  private static JsonNode twin;

  @BeforeAll
  static void runTwice() throws IOException {
    first = tmp.resolve("first");
    second = tmp.resolve("second");
    firstCli =
        cli(
            "run",
            Fixtures.example().toString(),
            "--out",
            first.toString(),
            "--audit",
            "--twin",
            "isolated");
    assertEquals(0, firstCli.exit(), firstCli.err());
    CliResult again =
        cli(
            "run",
            Fixtures.example().toString(),
            "--out",
            second.toString(),
            "--audit",
            "--twin",
            "isolated");
    assertEquals(0, again.exit(), again.err());
    comparison = JSON.readTree(first.resolve("twin-comparison.json").toFile()).get("twins").get(0);
    base = JSON.readTree(first.resolve("summary.json").toFile());
    twin = JSON.readTree(first.resolve("twin/isolated/summary.json").toFile());
  }

  @Test
  void test_run_twinIsACompleteRunDirectoryWithTheSameSeed() throws IOException {
    for (String f :
        List.of(
            "summary.json",
            "timeseries.csv",
            "events.jsonl",
            "manifest.json",
            "scenario.yaml",
            "network.json",
            "exposures.json",
            "report.html")) {
      assertTrue(Files.isRegularFile(first.resolve("twin/isolated").resolve(f)), f);
    }
    JsonNode manifest = JSON.readTree(first.resolve("twin/isolated/manifest.json").toFile());
    assertEquals(base.get("run").get("seed").asLong(), manifest.get("seed").asLong());
    assertEquals("isolated", twin.get("venues").get("perp-cross").get("marginMode").asText());
    assertEquals("isolated", twin.get("venues").get("perp-isolated").get("marginMode").asText());
    assertEquals("cross", base.get("venues").get("perp-cross").get("marginMode").asText());
    assertEquals("isolated", comparison.get("twin").asText());
    assertEquals("twin/isolated", comparison.get("directory").asText());
    assertTrue(Files.readString(first.resolve("report.html")).contains("Counterfactual twins"));
    assertTrue(firstCli.out().contains("twin isolated"), firstCli.out());
  }

  @Test
  void test_run_sharesTheExogenousPath() {
    // Common random numbers: the fundamental prices depend on the seed alone.
    Csv b = Fixtures.csv(first.resolve("timeseries.csv"));
    Csv t = Fixtures.csv(first.resolve("twin/isolated/timeseries.csv"));
    for (String asset : List.of("ETH", "BTC")) {
      assertArrayEquals(
          b.numbers("fundamental_price." + asset), t.numbers("fundamental_price." + asset), asset);
    }
  }

  @Test
  void test_comparison_figuresAreTheSummaries() {
    JsonNode rows = comparison.get("venues");
    assertEquals(VENUES.size() + 1, rows.size());
    for (int i = 0; i < VENUES.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(VENUES.get(i), row.get("venue").asText());
      for (String m : List.of("liquidations", "liquidatedNotional", "badDebt", "insurancePaid")) {
        double b = base.get("venues").get(VENUES.get(i)).get(m).asDouble();
        double t = twin.get("venues").get(VENUES.get(i)).get(m).asDouble();
        assertEquals(b, row.get("base").get(m).asDouble(), 0.0, m);
        assertEquals(t, row.get("twin").get(m).asDouble(), 0.0, m);
        assertEquals(t - b, row.get("difference").get(m).asDouble(), 0.0, m);
      }
    }
    JsonNode total = rows.get(VENUES.size());
    assertEquals("total", total.get("venue").asText());
    for (String m : List.of("liquidations", "liquidatedNotional", "badDebt")) {
      assertEquals(
          base.get("totals").get(m).asDouble(), total.get("base").get(m).asDouble(), 0.0, m);
      assertEquals(
          twin.get("totals").get(m).asDouble(), total.get("twin").get(m).asDouble(), 0.0, m);
    }
    // The isolated twin changed something (perp-cross became isolated), so the runs differ.
    assertFalse(
        rows.get(0).get("difference").get("liquidations").asLong() == 0
            && rows.get(0).get("difference").get("liquidatedNotional").asDouble() == 0);
  }

  /**
   * Per owner, as the test reads events.jsonl itself: liquidated?, notional, penalty + shortfall.
   */
  private record Owner(boolean liquidated, double notional, double loss) {}

  private static Map<String, Map<String, Owner>> owners(Path run) throws IOException {
    Map<String, Map<String, Owner>> out = new TreeMap<>();
    try (Stream<String> lines = Files.lines(run.resolve("events.jsonl"))) {
      for (String line : lines.toList()) {
        JsonNode e = JSON.readTree(line);
        String type = e.get("type").asText();
        if (!List.of("liquidation", "insurance_payout", "bad_debt").contains(type)) {
          continue;
        }
        String venue = e.get("venue").asText();
        // perp-isolated/accounts/isolated-traders/0146/ETH -> accounts/isolated-traders/0146
        String owner =
            e.get("account").asText().substring(venue.length() + 1).replaceAll("/(ETH|BTC)$", "");
        boolean liq = type.equals("liquidation");
        double notional = liq ? e.get("notional").asDouble() : 0;
        double loss = liq ? e.get("fee").asDouble() : e.get("amount").asDouble();
        out.computeIfAbsent(venue, v -> new TreeMap<>())
            .merge(
                owner,
                new Owner(liq, notional, loss),
                (a, b) ->
                    new Owner(
                        a.liquidated || b.liquidated, a.notional + b.notional, a.loss + b.loss));
      }
    }
    return out;
  }

  @Test
  void test_comparison_ownersMatchTheEventsOfBothRuns() throws IOException {
    Map<String, Map<String, Owner>> b = owners(first);
    Map<String, Map<String, Owner>> t = owners(first.resolve("twin/isolated"));
    long totalOnlyBase = 0;
    long totalOnlyTwin = 0;
    long totalAccounts = 0;
    double totalSaved = 0;
    for (int i = 0; i < VENUES.size(); i++) {
      Map<String, Owner> bv = b.getOrDefault(VENUES.get(i), Map.of());
      Map<String, Owner> tv = t.getOrDefault(VENUES.get(i), Map.of());
      long onlyBase = 0;
      double onlyBaseNotional = 0;
      long onlyTwin = 0;
      double onlyTwinNotional = 0;
      double baseLoss = 0;
      double twinLoss = 0;
      for (Map.Entry<String, Owner> o : bv.entrySet()) {
        baseLoss += o.getValue().loss;
        if (o.getValue().liquidated
            && !(tv.containsKey(o.getKey()) && tv.get(o.getKey()).liquidated)) {
          onlyBase++;
          onlyBaseNotional += o.getValue().notional;
        }
      }
      for (Map.Entry<String, Owner> o : tv.entrySet()) {
        twinLoss += o.getValue().loss;
        if (o.getValue().liquidated
            && !(bv.containsKey(o.getKey()) && bv.get(o.getKey()).liquidated)) {
          onlyTwin++;
          onlyTwinNotional += o.getValue().notional;
        }
      }
      JsonNode row = comparison.get("venues").get(i);
      String v = VENUES.get(i);
      assertEquals(onlyBase, row.get("liquidatedOnlyInBase").get("accounts").asLong(), v);
      assertEquals(
          onlyBaseNotional, row.get("liquidatedOnlyInBase").get("notional").asDouble(), 1e-6, v);
      assertEquals(onlyTwin, row.get("liquidatedOnlyInTwin").get("accounts").asLong(), v);
      assertEquals(
          onlyTwinNotional, row.get("liquidatedOnlyInTwin").get("notional").asDouble(), 1e-6, v);
      assertEquals(baseLoss, row.get("liquidationLoss").get("base").asDouble(), 1e-6, v);
      assertEquals(twinLoss, row.get("liquidationLoss").get("twin").asDouble(), 1e-6, v);
      assertEquals(twinLoss - baseLoss, row.get("capitalSavedBySharing").asDouble(), 1e-6, v);
      // Accounts liquidated: owners with at least one liquidation, however many events each had.
      long baseAccounts = bv.values().stream().filter(Owner::liquidated).count();
      long twinAccounts = tv.values().stream().filter(Owner::liquidated).count();
      assertEquals(baseAccounts, row.get("accountsLiquidated").get("base").asLong(), v);
      assertEquals(twinAccounts, row.get("accountsLiquidated").get("twin").asLong(), v);
      assertEquals(
          twinAccounts - baseAccounts, row.get("accountsLiquidated").get("difference").asLong(), v);
      assertTrue(baseAccounts <= row.get("base").get("liquidations").asLong(), v);
      totalAccounts += baseAccounts;
      // The liquidated owners' notional is the venue's liquidated notional (every liquidation names
      // one).
      double allBase = bv.values().stream().mapToDouble(Owner::notional).sum();
      assertEquals(
          base.get("venues").get(v).get("liquidatedNotional").asDouble(),
          allBase,
          1e-6 * allBase,
          v);
      totalOnlyBase += onlyBase;
      totalOnlyTwin += onlyTwin;
      totalSaved += twinLoss - baseLoss;
    }
    JsonNode total = comparison.get("venues").get(VENUES.size());
    assertEquals(totalOnlyBase, total.get("liquidatedOnlyInBase").get("accounts").asLong());
    assertEquals(totalOnlyTwin, total.get("liquidatedOnlyInTwin").get("accounts").asLong());
    assertEquals(totalSaved, total.get("capitalSavedBySharing").asDouble(), 1e-6);
    assertEquals(totalAccounts, total.get("accountsLiquidated").get("base").asLong());
    // An account liquidated in several rounds is one account but several events.
    assertTrue(
        totalAccounts < total.get("base").get("liquidations").asLong(),
        "events outnumber accounts");
    assertEquals(
        "sharing margin (cross margin and shared collateral pools)",
        comparison.get("capitalSavedBy").asText());
    assertTrue(
        totalOnlyBase + totalOnlyTwin > 0,
        "cross versus isolated margin changed who was liquidated");
  }

  @Test
  void test_comparison_csvHasTheJsonNumbers() {
    Csv csv = Fixtures.csv(first.resolve("twin-comparison.csv"));
    assertEquals(List.of("isolated", "isolated", "isolated"), csv.text("twin"));
    assertEquals(List.of("perp-cross", "perp-isolated", "total"), csv.text("venue"));
    for (int i = 0; i < 3; i++) {
      JsonNode row = comparison.get("venues").get(i);
      assertEquals(row.get("base").get("badDebt").asDouble(), csv.numbers("base_bad_debt")[i], 0.0);
      assertEquals(
          row.get("liquidatedOnlyInTwin").get("accounts").asDouble(),
          csv.numbers("only_twin_accounts")[i],
          0.0);
      assertEquals(
          row.get("capitalSavedBySharing").asDouble(),
          csv.numbers("capital_saved_by_sharing")[i],
          0.0);
    }
  }

  @Test
  void test_run_twoRunsAreByteIdentical() throws IOException {
    for (String f : STABLE) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
    }
  }

  @Test
  void test_run_unknownTwinExitsTwoWithOneLine() {
    Path out = tmp.resolve("bad");
    CliResult r =
        cli("run", Fixtures.example().toString(), "--out", out.toString(), "--twin", "shared");
    assertEquals(2, r.exit());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(
        r.errLines()
            .get(0)
            .startsWith("error: --twin: unknown twin 'shared' (known: isolated, no-impact,"),
        r.err());
    assertFalse(Files.exists(out));
    r =
        cli(
            "run",
            Fixtures.example().toString(),
            "--out",
            out.toString(),
            "--twin",
            "isolated",
            "--twin",
            "isolated");
    assertEquals(2, r.exit());
    assertEquals(1, r.errLines().size(), r.err());
  }
}
