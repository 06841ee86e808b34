package org.marginfall.experiments.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/** The scale benchmark's scaling rule and its command line. */
class BenchTest {

  private static final ScenarioSource THREE_VENUES = ScenarioSource.resolve("three-venue-crash");

  @Test
  void test_scaled_multipliesPopulationsDepthFundsAndBackstop() throws IOException {
    ScenarioScaler scaler = new ScenarioScaler(THREE_VENUES.content(), THREE_VENUES.json());

    JsonNode s = new ObjectMapper().readTree(scaler.scaled(3, OptionalInt.of(1000)));

    // examples/three-venue-crash.yaml: 300 + 40 + 250 + 200 traders, lenders, borrowers, vaults
    // and 6 keepers; ETH depth 3e8, BTC 2e9; perp insurance 5e5, backstop 2e7; CDP buffer 1e5.
    assertEquals(
        List.of(900, 120, 750, 600, 18),
        List.of(
            s.at("/agents/0/count").asInt(),
            s.at("/agents/1/count").asInt(),
            s.at("/agents/2/count").asInt(),
            s.at("/agents/3/count").asInt(),
            s.at("/agents/4/count").asInt()));
    assertEquals(9.0e8, s.at("/markets/0/impact/depth").asDouble());
    assertEquals(6.0e9, s.at("/markets/1/impact/depth").asDouble());
    assertEquals(1.5e6, s.at("/venues/0/insuranceFund").asDouble());
    assertEquals(6.0e7, s.at("/venues/0/backstop/capital").asDouble());
    assertEquals(3.0e5, s.at("/venues/2/surplusBuffer").asDouble());
    assertEquals(1000, s.at("/run/steps").asInt());
    // Everything else is left as it was, and the result is a valid scenario.
    assertEquals(0.85, s.at("/agents/0/longShare").asDouble());
    assertEquals(-0.35, s.at("/shocks/0/change").asDouble());
    assertEquals(796 * 3, scaler.accounts(3));
    new ScenarioReader(Catalog.standard()).read(scaler.scaled(3, OptionalInt.of(1000)), true);
  }

  @Test
  void test_scaled_quietDropsTheShocksOnly() throws IOException {
    ScenarioScaler scaler = new ScenarioScaler(THREE_VENUES.content(), THREE_VENUES.json());

    JsonNode s = new ObjectMapper().readTree(scaler.scaled(2, OptionalInt.of(5), true));

    assertEquals(0, s.get("shocks").size());
    assertEquals(600, s.at("/agents/0/count").asInt());
    new ScenarioReader(Catalog.standard()).read(scaler.scaled(2, OptionalInt.of(5), true), true);
  }

  @Test
  void test_scaled_byOneIsTheScenarioItself() throws IOException {
    ScenarioScaler scaler = new ScenarioScaler(THREE_VENUES.content(), THREE_VENUES.json());
    ObjectMapper json = new ObjectMapper();

    JsonNode once = json.readTree(scaler.scaled(1, OptionalInt.empty()));

    assertEquals(
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(THREE_VENUES.content()),
        once);
    assertThrows(IllegalArgumentException.class, () -> scaler.scaled(0, OptionalInt.empty()));
  }

  @Test
  void test_bench_printsOneRowPerScaleFactor() {
    CliResult r = cli("bench", "flash-crash", "--k", "1,2", "--steps", "20");

    assertEquals(0, r.exit(), r.err());
    List<String> rows =
        r.out().lines().filter(l -> l.matches("\\s*\\d+\\s+\\d+\\s+20\\s.*")).toList();
    assertEquals(2, rows.size(), r.out());
    String[] second = rows.get(1).trim().split("\\s+");
    assertEquals("2", second[0]);
    assertTrue(Integer.parseInt(second[1]) > 0, rows.get(1));
    // The ratio column compares k = 2 with k = 1.
    assertEquals(8, second.length, rows.get(1));
  }

  @Test
  void test_bench_refusesABadScaleFactorInOneLine() {
    CliResult r = cli("bench", "flash-crash", "--k", "0");

    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(
        r.err().startsWith("error: --k: every scale factor must be at least 1, was 0"), r.err());
  }
}
