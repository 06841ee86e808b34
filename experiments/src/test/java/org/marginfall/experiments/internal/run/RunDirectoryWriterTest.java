package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The run-directory writer on the minimal scenario, small enough to check by hand: four long
 * traders, 1000 USD each at 5x, lose everything in a one-step 20% ETH drop.
 */
class RunDirectoryWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  /** minimal.yaml's traders: 1000 USD of collateral each, leverage 5, ETH at 2000. */
  private static final double COLLATERAL = 1000;

  private static final double ENTRY = 2000;
  private static final double SIZE = COLLATERAL * 5 / ENTRY; // 2.5 ETH long each
  private static final double FEE_RATE = 0.01;
  private static final double ATOM = 1e-6;

  @TempDir static Path tmp;

  private static Path out;
  private static RunDirectoryWriter.Result result;
  private static JsonNode summary;
  private static List<JsonNode> events;

  @BeforeAll
  static void runOnce() throws IOException {
    // BTC without volatility: its fundamental never falls, so its amplification is undefined.
    String yaml =
        replaceOnce(
            minimalYaml(), "price: {initial: 50000, volatility: 0.4}", "price: {initial: 50000}");
    Scenario scenario =
        new ScenarioReader(Catalog.standard()).read(yaml.getBytes(StandardCharsets.UTF_8), false);
    out = tmp.resolve("runs").resolve("minimal");
    RunRequest request =
        new RunRequest(scenario, "minimal.yaml", out, OptionalLong.empty(), true, false);

    result = new RunDirectoryWriter(Clock.fixed(NOW, ZoneOffset.UTC)).write(request);

    summary = JSON.readTree(out.resolve("summary.json").toFile());
    events = new ArrayList<>();
    for (String line : Fixtures.read(out.resolve("events.jsonl")).lines().toList()) {
      events.add(JSON.readTree(line));
    }
  }

  @Test
  void test_write_resultDescribesTheRun() {
    assertEquals(out.toAbsolutePath(), result.directory());
    assertEquals(events.size(), result.events());
    assertEquals(10, result.summary().run().steps());
    assertEquals(7, result.summary().run().seed());
  }

  @Test
  void test_write_wallClockOnlyInTheManifest() throws IOException {
    // A fixed clock: the run starts at NOW and takes no time.
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    assertEquals(NOW.toString(), manifest.get("startedAt").asText());
    assertEquals(0.0, manifest.get("wallTimeSeconds").asDouble());
    assertEquals("minimal.yaml", manifest.at("/scenario/file").asText());
    String gitCommit = manifest.at("/software/gitCommit").asText();
    assertTrue(gitCommit.matches("[0-9a-f]{40}|unknown"), gitCommit);
    for (String f : List.of("summary.json", "timeseries.csv", "events.jsonl")) {
      assertTrue(
          !Fixtures.read(out.resolve(f)).contains("2026-01-02"), f + " mentions the wall clock");
    }
  }

  @Test
  void test_write_leavesOnlyTheRunDirectory() throws IOException {
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertEquals(List.of(out), s.toList());
    }
  }

  @Test
  void test_summary_nullWhenNothingHappened() {
    // perp-iso has no traders: no liquidation, so no first liquidation step.
    JsonNode iso = summary.at("/venues/perp-iso");
    assertEquals(0, iso.get("accounts").asInt());
    assertEquals(0, iso.get("liquidations").asInt());
    assertTrue(iso.get("firstLiquidationStep").isNull());
    assertEquals(1000.0, iso.get("insuranceFundStart").asDouble());
    assertEquals(1000.0, iso.get("insuranceFundEnd").asDouble());
    // A constant BTC never falls: drawdown 0 and amplification null (0 / 0).
    JsonNode btc = summary.at("/assets/BTC");
    assertEquals(0.0, btc.get("fundamentalMaxDrawdown").asDouble());
    assertEquals(50000.0, btc.get("finalFundamental").asDouble());
    assertTrue(btc.get("amplification").isNull());
  }

  @Test
  void test_events_openingTradesAsComputedByHand() {
    // notional = collateral x leverage = 1000 x 5 = 5000 at the oracle price 2000: 2.5 ETH.
    List<JsonNode> trades = ofType("trade");
    assertEquals(4, trades.size());
    for (JsonNode t : trades) {
      assertEquals(0, t.get("step").asLong());
      assertEquals("perp", t.get("venue").asText());
      assertEquals(SIZE, t.get("size").asDouble(), 1e-9);
      assertEquals(ENTRY, t.get("price").asDouble());
      assertEquals(5000.0, t.get("notional").asDouble(), 1e-9);
    }
  }

  @Test
  void test_events_crashLiquidatesEveryTraderWithTheWaterfallByHand() {
    // The shock multiplies ETH by 0.8 at step 3: a 2.5 ETH long loses 2.5 x 400 = 1000, all of
    // its collateral, give or take the diffusion. Each liquidation closes the 2.5 ETH; with
    // realised PnL r, the account has 1000 + r left: the fee is min(1% of notional, that, if
    // positive), and what it lacks is bad debt (perp has no insurance fund).
    List<JsonNode> liquidations = ofType("liquidation");
    assertEquals(4, liquidations.size());
    double badDebt = 0;
    double fees = 0;
    for (JsonNode l : liquidations) {
      assertEquals(3, l.get("step").asLong());
      assertEquals(SIZE, l.get("size").asDouble(), 1e-9);
      double r = l.get("realizedPnl").asDouble();
      assertEquals(SIZE * (l.get("executionPrice").asDouble() - ENTRY), r, 1e-9);
      double left = COLLATERAL + r;
      double fee = Math.min(FEE_RATE * l.get("notional").asDouble(), Math.max(0, left));
      assertEquals(fee, l.get("fee").asDouble(), ATOM, l.toString());
      fees += fee;
      badDebt += Math.max(0, -left);
    }
    assertTrue(badDebt > 0, "the crash must leave bad debt for the waterfall to be checked");
    JsonNode perp = summary.at("/venues/perp");
    assertEquals(4, perp.get("liquidations").asInt());
    assertEquals(3, perp.get("firstLiquidationStep").asInt());
    // One atom of rounding per account at most.
    assertEquals(badDebt, perp.get("badDebt").asDouble(), 4 * ATOM);
    assertEquals(fees, perp.get("liquidationFees").asDouble(), 4 * ATOM);
    assertEquals(0.0, perp.get("insurancePaid").asDouble());
  }

  private static List<JsonNode> ofType(String type) {
    return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
  }

  @Test
  void test_write_failedRunLeavesNeitherRunDirectoryNorTheParentsItCreated() throws IOException {
    Scenario valid =
        new ScenarioReader(Catalog.standard())
            .read(minimalYaml().getBytes(StandardCharsets.UTF_8), false);
    ModelSpec m = valid.model();
    // A population that fails during set-up, after the writer has created the parents and the temp
    // dir.
    PopulationSpec failing =
        new PopulationSpec() {
          @Override
          public String id() {
            return "failing";
          }

          @Override
          public String type() {
            return "test-failing";
          }

          @Override
          public Population resolve(RandomStreams streams) {
            return new Population() {
              @Override
              public String id() {
                return "failing";
              }

              @Override
              public void setUp(AgentContext ctx) {
                throw new IllegalStateException("set-up failed on purpose");
              }
            };
          }
        };
    ModelSpec broken =
        new ModelSpec(
            m.settings(),
            m.baseCurrency(),
            m.assets(),
            m.prices(),
            m.correlation(),
            m.markets(),
            m.oracles(),
            m.shocks(),
            m.venues(),
            List.of(failing));
    Scenario scenario =
        new Scenario(valid.name(), valid.description(), valid.sha256(), broken, valid.content());
    Path root = Files.createDirectory(tmp.resolve("failing-root"));
    Path target = root.resolve("a").resolve("b").resolve("run");

    // A set-up failure names the population's entry (issue #17, item 1).
    org.marginfall.core.engine.ScenarioFailure e =
        assertThrows(
            org.marginfall.core.engine.ScenarioFailure.class,
            () ->
                new RunDirectoryWriter(Clock.fixed(NOW, ZoneOffset.UTC))
                    .write(
                        new RunRequest(
                            scenario, "minimal.yaml", target, OptionalLong.empty(), true, false)));
    assertEquals(
        "agents[0]: at set-up: population failing: set-up failed on purpose", e.getMessage());
    try (Stream<Path> left = Files.list(root)) {
      assertEquals(
          List.of(),
          left.toList(),
          "a failed run must not leave a/, a/b/, the run or a hidden temp dir");
    }
  }
}
