package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * The regression corpus: the SHA-256 of {@code summary.json}, {@code timeseries.csv} and {@code
 * events.jsonl} of every bundled example, run as {@code marginfall run <example>} runs it (its own
 * seed, audit off). A refactor or a speed-up leaves every hash unchanged; a deliberate change of
 * results updates {@code regression-corpus.sha256} in its own commit, which says why.
 *
 * <p>The corpus file is in {@code sha256sum} format ({@code <hash> <example>/<file>}), so a
 * directory of CLI runs checks against it with {@code sha256sum -c}. To rewrite it after a
 * deliberate change: {@code mvn -pl experiments test -Dtest=RegressionCorpusTest
 * -Dmarginfall.corpus.update=true}.
 */
class RegressionCorpusTest {

  private static final String CORPUS = "regression-corpus.sha256";
  private static final List<String> FILES =
      List.of("summary.json", "timeseries.csv", "events.jsonl");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> ACTUAL = new TreeMap<>();

  @TempDir static Path runs;

  static Stream<String> examples() {
    return ScenarioSource.bundledNames().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void test_example_matchesCorpus(String name) throws IOException {
    ScenarioSource source = ScenarioSource.resolve(name);
    Scenario scenario = new ScenarioReader(Catalog.standard()).read(source);
    Path out = runs.resolve(name);
    new RunDirectoryWriter(CLOCK)
        .write(new RunRequest(scenario, name, out, OptionalLong.empty(), false, false, false));
    JsonNode hashes = Json.mapper().readTree(out.resolve("manifest.json").toFile()).get("files");
    Map<String, String> expected = corpus();
    for (String file : FILES) {
      String key = name + "/" + file;
      String actual = hashes.get(file).asText();
      synchronized (ACTUAL) {
        ACTUAL.put(key, actual);
      }
      if (!updating()) {
        assertEquals(
            expected.get(key),
            actual,
            key + " differs from the regression corpus (" + CORPUS + ")");
      }
    }
    assertEveryPerpetualLiquidationNamed(name, out);
  }

  /**
   * Conservation of counting: on every perpetual venue, the liquidations the summary counts are the
   * {@code liquidation} events that name them, one per closed position (book, partial or
   * auto-deleveraging path alike), so attribution and the twins see every one.
   */
  private static void assertEveryPerpetualLiquidationNamed(String name, Path out)
      throws IOException {
    Map<String, Long> named = new TreeMap<>();
    try (Stream<String> lines = Files.lines(out.resolve("events.jsonl"))) {
      lines
          .map(line -> readTree(line))
          .filter(e -> e.path("type").asText().equals("liquidation"))
          .forEach(e -> named.merge(e.path("venue").asText(), 1L, Long::sum));
    }
    JsonNode venues = Json.mapper().readTree(out.resolve("summary.json").toFile()).path("venues");
    venues
        .fields()
        .forEachRemaining(
            v -> {
              if (v.getValue().path("type").asText().equals("perpetual")) {
                assertEquals(
                    v.getValue().path("liquidations").asLong(),
                    named.getOrDefault(v.getKey(), 0L).longValue(),
                    name
                        + ": liquidations of venue "
                        + v.getKey()
                        + " counted in summary.json against liquidation events");
              }
            });
  }

  private static JsonNode readTree(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void test_corpus_coversEveryBundledExampleAndNothingElse() {
    if (!updating()) {
      Map<String, String> expected = corpus();
      assertFalse(expected.isEmpty(), CORPUS + " is empty");
      List<String> keys =
          examples().flatMap(n -> FILES.stream().map(f -> n + "/" + f)).sorted().toList();
      assertEquals(
          keys,
          List.copyOf(expected.keySet()),
          CORPUS + " must list exactly the bundled examples' files");
    }
  }

  /** With {@code -Dmarginfall.corpus.update=true}, rewrites the corpus in the source tree. */
  @AfterAll
  static void rewriteIfAsked() throws IOException {
    if (!updating() || ACTUAL.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    ACTUAL.forEach((key, hash) -> text.append(hash).append("  ").append(key).append('\n'));
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Files.writeString(module.resolve("src/test/resources/" + CORPUS), text, StandardCharsets.UTF_8);
  }

  private static boolean updating() {
    return Boolean.getBoolean("marginfall.corpus.update");
  }

  private static Map<String, String> corpus() {
    Map<String, String> entries = new TreeMap<>();
    try (InputStream in = RegressionCorpusTest.class.getResourceAsStream("/" + CORPUS)) {
      if (in == null) {
        return entries;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          entries.put(line.substring(66), line.substring(0, 64));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return entries;
  }
}
