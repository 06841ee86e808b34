package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.minimalYaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.Phase;
import org.marginfall.core.engine.World;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.ReplayPath;
import org.marginfall.core.price.ReturnBootstrap;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;

/**
 * The replay and bootstrap sections of a scenario, through the reader, against a data file next to
 * it.
 */
class HistoricalPriceReaderTest {

  private static final String ETH = "  - id: ETH\n    price: {initial: 2000, volatility: 0.5}\n";

  @TempDir Path dir;

  /** Hourly points at 00:00 .. 10:00: 100, 110, 99, 108.9, ... (alternating +10% / -10%). */
  private Path points() throws Exception {
    StringBuilder s = new StringBuilder("time,price\n");
    double p = 100;
    for (int h = 0; h <= 10; h++) {
      s.append(String.format("2020-03-12T%02d:00:00Z,%s%n", h, p));
      p = h % 2 == 0 ? p * 1.1 : p * 0.9;
    }
    Path f = dir.resolve("data/eth.csv");
    Files.createDirectories(f.getParent());
    Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
    return f;
  }

  private Scenario read(String ethPrice, String runSteps) throws Exception {
    String yaml =
        minimalYaml()
            .replace(ETH, "  - id: ETH\n    price:\n" + ethPrice)
            .replace("  steps: 10\n  stepSeconds: 60\n", runSteps);
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return new ScenarioReader(Catalog.standard()).read(file);
  }

  private List<String> problems(String ethPrice, String runSteps) {
    return assertThrows(InvalidSpecException.class, () -> read(ethPrice, runSteps))
        .problems()
        .stream()
        .map(Problem::toString)
        .toList();
  }

  @Test
  void test_replay_readsTheFileRelativeToTheScenario_andRecordsItsHash() throws Exception {
    Path f = points();
    Scenario s = read("      replay: {file: data/eth.csv}\n", "  steps: 10\n  stepSeconds: 3600\n");
    PriceProcessSpec p = s.model().prices().get(AssetId.of("ETH"));
    ReplayPath path = (ReplayPath) p.history().orElseThrow();
    assertEquals(100, path.price(0));
    assertEquals(110.00000000000001, path.price(1));
    assertEquals(99.00000000000001, path.price(2));
    assertEquals(
        List.of(
            new Scenario.DataFile(
                "assets[1].price.replay.file",
                "data/eth.csv",
                ScenarioReader.sha256(Files.readAllBytes(f)))),
        s.dataFiles());
  }

  @Test
  void test_replayedWorld_matchesTheFilePointByPoint() throws Exception {
    points();
    String yaml = "      replay: {file: data/eth.csv}\n";
    Scenario s = read(yaml, "  steps: 10\n  stepSeconds: 3600\n");
    List<Double> eth = new java.util.ArrayList<>();
    RunListener recorder =
        new RunListener() {
          @Override
          public void onStep(StepRecord record) {
            record.assets().stream()
                .filter(a -> a.asset().equals(AssetId.of("ETH")))
                .forEach(a -> eth.add(a.fundamental()));
          }
        };
    World w = World.create(s.model(), new RandomStreams(7, 0), List.of(recorder), true);
    w.setUp();
    for (long tick = 1; tick <= 10; tick++) {
      for (Phase phase : Phase.values()) {
        w.runPhase(phase, tick);
      }
    }
    assertEquals(11, eth.size());
    double expected = 100;
    for (int step = 0; step <= 10; step++) {
      // The file's price at each hour, times the scenario's -20% shock from step 3 on.
      double shock = step >= 3 ? 0.8 : 1;
      assertEquals(expected * shock, eth.get(step), 1e-9 * expected, "step " + step);
      expected = step % 2 == 0 ? expected * 1.1 : expected * 0.9;
    }
  }

  @Test
  void test_volatilityRatio_scalesEveryLogReturn_andAVolatilityTargetIsMet() throws Exception {
    points();
    ReplayPath scaled =
        (ReplayPath)
            read(
                    "      replay: {file: data/eth.csv, volatilityRatio: 2, initial: 3000}\n",
                    "  steps: 10\n  stepSeconds: 3600\n")
                .model()
                .prices()
                .get(AssetId.of("ETH"))
                .history()
                .orElseThrow();
    double[] r = ReplayPath.logReturns(scaled.prices());
    assertEquals(3000, scaled.price(0));
    assertEquals(2 * Math.log(1.1), r[0], 1e-12);
    assertEquals(2 * Math.log(0.9), r[1], 1e-12);
    ReplayPath target =
        (ReplayPath)
            read(
                    "      replay: {file: data/eth.csv, volatility: 0.75}\n",
                    "  steps: 10\n  stepSeconds: 3600\n")
                .model()
                .prices()
                .get(AssetId.of("ETH"))
                .history()
                .orElseThrow();
    double[] t = ReplayPath.logReturns(target.prices());
    double mean = java.util.Arrays.stream(t).average().orElseThrow();
    double sd =
        Math.sqrt(
            java.util.Arrays.stream(t).map(x -> (x - mean) * (x - mean)).sum() / (t.length - 1));
    assertEquals(0.75, sd / Math.sqrt(3600 / (365.0 * 24 * 3600)), 1e-9);
  }

  @Test
  void test_stepsOutlastingTheFile_areRefusedWithTheNumbers() throws Exception {
    points();
    assertEquals(
        List.of(
            "assets[1].price.replay: 11 steps of 3600 s from 2020-03-12T00:00:00Z run to"
                + " 2020-03-12T11:00:00Z, but data/eth.csv has prices until 2020-03-12T10:00:00Z: it covers 10 steps"),
        problems("      replay: {file: data/eth.csv}\n", "  steps: 11\n  stepSeconds: 3600\n"));
  }

  @Test
  void test_missingFile_badFields_andHistoricalCorrelations_areEachReported() throws Exception {
    assertEquals(
        List.of(
            "assets[1].price.replay.file: data file not found: "
                + dir.resolve("nope.csv")
                + " (paths are relative to the scenario file)"),
        problems("      replay: {file: nope.csv}\n", "  steps: 10\n  stepSeconds: 3600\n"));
    points();
    List<String> p =
        problems(
            "      replay: {file: data/eth.csv, resample: wick, scale: 2, initial: 5, drift: 0.1}\n",
            "  steps: 10\n  stepSeconds: 3600\n");
    assertTrue(
        p.contains(
            "assets[1].price.replay.drift: unknown field (known: column, end, file, format, initial, resample,"
                + " scale, start, volatility, volatilityRatio)"),
        p.toString());
    assertTrue(
        p.contains("assets[1].price.replay.resample: unknown rule 'wick' (known: last, ohlc)"),
        p.toString());
    assertTrue(
        p.contains(
            "assets[1].price.replay.initial: give either scale or initial (the first price the path is"
                + " rebased to), not both"),
        p.toString());
  }

  @Test
  void test_bootstrap_takesTheWindowsReturns() throws Exception {
    points();
    Scenario s =
        read(
            "      bootstrap: {file: data/eth.csv, blockSteps: 3, blocks: fixed, initial: 2500}\n",
            "  steps: 50\n  stepSeconds: 3600\n");
    PriceProcessSpec p = s.model().prices().get(AssetId.of("ETH"));
    ReturnBootstrap b = (ReturnBootstrap) p.history().orElseThrow();
    assertEquals(2500, p.initialPrice());
    assertEquals(10, b.size());
    assertEquals(Math.log(1.1), b.returnAt(0), 1e-12);
    assertEquals(ReturnBootstrap.Scheme.FIXED, b.scheme());
  }
}
