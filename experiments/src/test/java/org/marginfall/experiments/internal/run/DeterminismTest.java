package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;

/**
 * Reproducibility and common random numbers on the example: the same scenario and seed give
 * byte-identical results; the fundamental price path depends on the seed and on nothing else, so
 * twins that change the margin mode or add a population see the same shock path.
 */
class DeterminismTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STABLE_FILES =
      List.of("summary.json", "timeseries.csv", "events.jsonl");
  private static final long OTHER_SEED = 42;

  /** A population the example does not have, listed first so that it is also built first. */
  private static final String EXTRA_POPULATION =
      "  - id: late-traders\n"
          + "    type: leveraged-traders\n"
          + "    venue: perp-cross\n"
          + "    count: 50\n"
          + "    markets: [ETH]\n"
          + "    collateral: {dist: lognormal, median: 10000, sigma: 0.5}\n"
          + "    leverage: {dist: uniform, min: 2, max: 10}\n"
          + "    longShare: 0.8\n";

  @TempDir static Path tmp;

  private static Path first;
  private static Path second;
  private static Path otherSeed;
  private static Path crossTwin;
  private static Path extraTwin;

  @BeforeAll
  static void runTheExampleAndItsTwins() throws IOException {
    Path example = Fixtures.example();
    String yaml = Fixtures.read(example);
    Path cross =
        Fixtures.write(
            tmp,
            "cross.yaml",
            replaceOnce(yaml, "    marginMode: isolated\n", "    marginMode: cross\n"));
    Path extra =
        Fixtures.write(
            tmp, "extra.yaml", replaceOnce(yaml, "\nagents:\n", "\nagents:\n" + EXTRA_POPULATION));

    first = run(example.toString(), "first");
    second = run(example.toString(), "second");
    otherSeed = run(example.toString(), "other-seed", "--seed", String.valueOf(OTHER_SEED));
    crossTwin = run(cross.toString(), "cross");
    extraTwin = run(extra.toString(), "extra");
  }

  @Test
  void test_run_sameSeedGivesByteIdenticalFiles() throws IOException {
    for (String f : STABLE_FILES) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
    }
  }

  @Test
  void test_run_sameSeedGivesTheSameChartPixels() throws IOException {
    for (String chart : List.of("prices-ETH", "prices-BTC", "liquidations")) {
      assertArrayEquals(pixels(first, chart), pixels(second, chart), chart);
    }
  }

  @Test
  void test_run_otherSeedChangesEveryFile() throws IOException {
    for (String f : STABLE_FILES) {
      assertFalse(
          Arrays.equals(
              Files.readAllBytes(first.resolve(f)), Files.readAllBytes(otherSeed.resolve(f))),
          f);
    }
    assertEquals(OTHER_SEED, summary(otherSeed).at("/run/seed").asLong());
    assertEquals(OTHER_SEED, manifest(otherSeed).get("seed").asLong());
    assertNotEquals(
        summary(first).at("/assets/ETH/finalFundamental").asDouble(),
        summary(otherSeed).at("/assets/ETH/finalFundamental").asDouble());
  }

  @Test
  void test_run_otherSeedChangesTheFundamentalPathButNotItsStart() {
    Map<String, List<String>> a = fundamentals(first);
    Map<String, List<String>> b = fundamentals(otherSeed);
    assertEquals(a.keySet(), b.keySet());
    for (String column : a.keySet()) {
      // Step 0 is the scenario's initial price whatever the seed; every tick after draws from
      // the prices streams, which the seed changes.
      assertEquals(a.get(column).get(0), b.get(column).get(0), column);
      for (int t = 1; t < a.get(column).size(); t++) {
        assertNotEquals(a.get(column).get(t), b.get(column).get(t), column + " at step " + t);
      }
    }
    JsonNode streamsA = manifest(first).at("/randomStreams/streams");
    JsonNode streamsB = manifest(otherSeed).at("/randomStreams/streams");
    assertNotEquals(streamsA.get("prices/ETH").asText(), streamsB.get("prices/ETH").asText());
    assertNotEquals(streamsA.get("prices/BTC").asText(), streamsB.get("prices/BTC").asText());
  }

  @Test
  void test_run_crossMarginTwinSeesTheSameFundamentalPath() {
    assertEquals(fundamentals(first), fundamentals(crossTwin));
    assertEquals(priceStreams(first), priceStreams(crossTwin));

    JsonNode before = summary(first).at("/venues/perp-isolated");
    JsonNode after = summary(crossTwin).at("/venues/perp-isolated");
    assertEquals("isolated", before.get("marginMode").asText());
    assertEquals("cross", after.get("marginMode").asText());
    // 400 traders: one account each per market (ETH, BTC) under isolated margin, one under cross.
    assertEquals(800, before.get("accounts").asInt());
    assertEquals(400, after.get("accounts").asInt());
    assertNotEquals(
        before.get("liquidatedNotional").asDouble(), after.get("liquidatedNotional").asDouble());
  }

  @Test
  void test_run_extraPopulationLeavesTheFundamentalPathAndOtherDrawsAlone() {
    assertEquals(fundamentals(first), fundamentals(extraTwin));
    JsonNode streamsBefore = manifest(first).at("/randomStreams/streams");
    JsonNode streamsAfter = manifest(extraTwin).at("/randomStreams/streams");
    streamsBefore
        .fieldNames()
        .forEachRemaining(
            name -> assertEquals(streamsBefore.get(name), streamsAfter.get(name), name));
    assertTrue(streamsAfter.has("agents/late-traders"));
    // The new traders really are there: 300 + 100 + 50 cross accounts.
    assertEquals(400, summary(first).at("/venues/perp-cross/accounts").asInt());
    assertEquals(450, summary(extraTwin).at("/venues/perp-cross/accounts").asInt());
    // Every original trader drew the same collateral, leverage and side: its opening trades
    // (step 0, before any price moved) are the same lines.
    assertEquals(openingTrades(first), openingTrades(extraTwin));
  }

  private static Path run(String scenario, String name, String... options) {
    Path out = tmp.resolve(name);
    String[] args = new String[4 + options.length];
    args[0] = "run";
    args[1] = scenario;
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    CliResult r = cli(args);
    assertEquals(0, r.exit(), r.err());
    return out;
  }

  /** The fundamental_price.* columns, as written (text, so equality is byte equality). */
  private static Map<String, List<String>> fundamentals(Path run) {
    Csv csv = Fixtures.csv(run.resolve("timeseries.csv"));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String column : csv.header()) {
      if (column.startsWith("fundamental_price.")) {
        out.put(column, csv.text(column));
      }
    }
    assertEquals(
        List.of("fundamental_price.ETH", "fundamental_price.BTC"), List.copyOf(out.keySet()));
    return out;
  }

  private static Map<String, String> priceStreams(Path run) {
    JsonNode streams = manifest(run).at("/randomStreams/streams");
    return Map.of(
        "prices/ETH",
        streams.get("prices/ETH").asText(),
        "prices/BTC",
        streams.get("prices/BTC").asText());
  }

  private static List<String> openingTrades(Path run) {
    List<String> trades =
        Fixtures.read(run.resolve("events.jsonl"))
            .lines()
            .filter(
                l ->
                    l.contains("\"type\":\"trade\"")
                        && l.contains("\"step\":0,")
                        && !l.contains("late-traders"))
            .toList();
    assertEquals(300 * 2 + 100 + 400 * 2, trades.size(), "opening trades of the example's traders");
    return trades;
  }

  private static int[] pixels(Path run, String chart) throws IOException {
    BufferedImage image = ImageIO.read(run.resolve("charts/" + chart + ".png").toFile());
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static JsonNode summary(Path run) {
    return readJson(run.resolve("summary.json"));
  }

  private static JsonNode manifest(Path run) {
    return readJson(run.resolve("manifest.json"));
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
