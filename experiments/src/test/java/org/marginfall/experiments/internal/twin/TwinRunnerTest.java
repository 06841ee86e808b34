package org.marginfall.experiments.internal.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The twin runner on the minimal scenario (milliseconds a run): the no-impact twin, several twins,
 * atomicity.
 */
class TwinRunnerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private static Scenario minimal() {
    return new ScenarioReader(Catalog.standard())
        .read(Fixtures.minimalYaml().getBytes(StandardCharsets.UTF_8), false);
  }

  private RunRequest request(Path out) {
    return new RunRequest(minimal(), "minimal.yaml", out, OptionalLong.empty(), true, false);
  }

  @Test
  void test_run_noImpactAndIsolatedTwinsSideBySideEachWithItsNetwork() throws IOException {
    Path out = tmp.resolve("run");
    RunDirectoryWriter writer = new RunDirectoryWriter(CLOCK);
    TwinRunner runner =
        new TwinRunner(
            writer,
            request(out),
            List.of(Twin.parse("no-impact"), Twin.parse("isolated")),
            new TwinScenarios(Catalog.standard()));
    runner.run();
    JsonNode twins = JSON.readTree(out.resolve(TwinRunner.JSON_FILE).toFile()).get("twins");
    assertEquals(2, twins.size());
    assertEquals("no-impact", twins.get(0).get("twin").asText());
    assertEquals("isolated", twins.get(1).get("twin").asText());
    String twinScenario = Files.readString(out.resolve("twin/no-impact/scenario.yaml"));
    assertFalse(
        twinScenario.contains("linear-log"),
        "the no-impact twin still has impact: " + twinScenario);
    // Without impact the market price is the fundamental, so the twin's ETH market never falls
    // further than its fundamental.
    JsonNode eth =
        JSON.readTree(out.resolve("twin/no-impact/summary.json").toFile()).get("assets").get("ETH");
    assertEquals(
        eth.get("fundamentalMaxDrawdown").asDouble(),
        eth.get("marketMaxDrawdown").asDouble(),
        1e-12);
    // minimal.yaml's four traders are all liquidated in the 20% drop with and without impact.
    JsonNode total = twins.get(0).get("venues").get(2);
    assertEquals("total", total.get("venue").asText());
    assertEquals(4, total.get("base").get("liquidations").asLong());
    assertEquals(4, total.get("twin").get("liquidations").asLong());
    assertEquals(0, total.get("liquidatedOnlyInBase").get("accounts").asLong());
    assertEquals(0, total.get("liquidatedOnlyInTwin").get("accounts").asLong());
    assertEquals(2, runner.comparisons().size());
    for (Path dir : List.of(out, out.resolve("twin/no-impact"), out.resolve("twin/isolated"))) {
      JsonNode network = JSON.readTree(dir.resolve("network.json").toFile());
      assertEquals(
          List.of("perp", "perp-iso"),
          List.of(
              network.get("nodes").get(0).get("id").asText(),
              network.get("nodes").get(1).get("id").asText()));
      // minimal.yaml: perp-iso has an insurance fund of 1000 USD and no traders, so its capital
      // stays 1000; neither venue issues a derived asset, so there are no claims.
      assertEquals(0, network.get("liabilities").size());
      assertEquals(1000.0, network.get("nodes").get(1).get("equity").asDouble(), 0.0);
      assertTrue(Files.isRegularFile(dir.resolve("exposures.json")));
    }
    // Two venues and the total, for each of the two twins.
    assertEquals(6, Fixtures.csv(out.resolve(TwinRunner.CSV_FILE)).rows().size());
  }

  @Test
  void test_run_twinThatChangesNothingReproducesTheBaseRun() throws IOException {
    // minimal.yaml with no impact anywhere: its no-impact twin is the same model, so common random
    // numbers must make it the same run, event for event, and every difference zero.
    String yaml =
        Fixtures.replaceOnce(
            Fixtures.minimalYaml(),
            "impact: {model: linear-log, depth: 1.0e8}",
            "impact: {model: none}");
    Scenario s =
        new ScenarioReader(Catalog.standard()).read(yaml.getBytes(StandardCharsets.UTF_8), false);
    Path out = tmp.resolve("same");
    new TwinRunner(
            new RunDirectoryWriter(CLOCK),
            new RunRequest(s, "same.yaml", out, OptionalLong.empty(), true, false),
            List.of(Twin.parse("no-impact")),
            new TwinScenarios(Catalog.standard()))
        .run();
    for (String f : List.of("events.jsonl", "timeseries.csv", "exposures.json")) {
      assertEquals(
          Files.readString(out.resolve(f)),
          Files.readString(out.resolve("twin/no-impact").resolve(f)),
          f);
    }
    for (JsonNode row :
        JSON.readTree(out.resolve(TwinRunner.JSON_FILE).toFile())
            .get("twins")
            .get(0)
            .get("venues")) {
      for (String m : List.of("liquidations", "liquidatedNotional", "badDebt", "insurancePaid")) {
        assertEquals(0.0, row.get("difference").get(m).asDouble(), 0.0, m);
      }
      assertEquals(0, row.get("liquidatedOnlyInBase").get("accounts").asLong());
      assertEquals(0, row.get("liquidatedOnlyInTwin").get("accounts").asLong());
      assertEquals(0.0, row.get("capitalSavedBySharing").asDouble(), 0.0);
    }
  }

  @Test
  void test_write_failureInAnExtensionLeavesNothing() throws IOException {
    Path out = tmp.resolve("nested/run");
    RunDirectoryWriter writer = new RunDirectoryWriter(CLOCK);
    RunDirectoryWriter.Extension failing =
        new RunDirectoryWriter.Extension() {
          @Override
          public void beforeReport(Path dir, RunDirectoryWriter.Result run) throws IOException {
            Files.createDirectories(dir.resolve("twin/x"));
            throw new IOException("the twin failed");
          }
        };
    IOException e = assertThrows(IOException.class, () -> writer.write(request(out), failing));
    assertEquals("the twin failed", e.getMessage());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "a failed run must leave no directory, hidden or not");
    }
  }

  @Test
  void test_constructor_rejectsTheSameTwinTwice() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TwinRunner(
                new RunDirectoryWriter(CLOCK),
                request(tmp.resolve("x")),
                List.of(Twin.parse("isolated"), Twin.parse("isolated")),
                new TwinScenarios(Catalog.standard())));
  }
}
