package org.marginfall.experiments.internal.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;
import static org.marginfall.experiments.Fixtures.minimalYaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * {@code marginfall calibrate} on the bundled history: the fragment it writes is a valid price the
 * run takes.
 */
class CalibrateCommandTest {

  private static final Path HISTORY = Path.of("../examples/data/ethusdt-1h-2020-03-10-to-14.csv");

  @Test
  void test_calibrate_writesAFragmentThatAScenarioReads(@TempDir Path dir) throws Exception {
    Path fragment = dir.resolve("eth.yaml");
    CliResult r =
        cli("calibrate", HISTORY.toString(), "--model", "merton", "--write", fragment.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("120 returns of 3600 s from 2020-03-10T00:00:00Z"), r.out());
    assertTrue(r.out().contains("merton  log-likelihood"), r.out());
    String price = Files.readString(fragment, StandardCharsets.UTF_8);
    assertTrue(price.startsWith("price:\n  initial: 122.54\n"), price);
    // Paste it as ETH's price in the minimal scenario: the reader takes it as written.
    String indented = price.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    String yaml =
        minimalYaml()
            .replace(
                "  - id: ETH\n    price: {initial: 2000, volatility: 0.5}\n",
                "  - id: ETH\n" + indented);
    PriceProcessSpec p =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model()
            .prices()
            .get(AssetId.of("ETH"));
    assertEquals(122.54, p.initialPrice());
    assertTrue(p.jumps().isPresent());
  }

  @Test
  void test_badInput_isOneLineEach_withExitCode2(@TempDir Path dir) throws Exception {
    CliResult missing = cli("calibrate", dir.resolve("none.csv").toString());
    assertEquals(2, missing.exit());
    assertEquals(
        List.of("error: " + dir.resolve("none.csv") + ": price file not found"),
        missing.errLines());
    CliResult model = cli("calibrate", HISTORY.toString(), "--model", "heston");
    assertEquals(
        List.of("error: --model: unknown model 'heston' (known: gbm, merton)"), model.errLines());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "time,price\n2020-03-12T00:00:00Z,1\n2020-03-12T01:00:00Z,x\n",
        StandardCharsets.UTF_8);
    CliResult data = cli("calibrate", bad.toString());
    assertEquals(2, data.exit());
    assertEquals(List.of("error: " + bad + " line 3: unreadable price 'x'"), data.errLines());
  }
}
