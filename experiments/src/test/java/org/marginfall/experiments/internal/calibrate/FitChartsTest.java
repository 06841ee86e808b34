package org.marginfall.experiments.internal.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/** {@code calibrate --chart}: the QQ plot's quantiles, and the chart files of both modes. */
class FitChartsTest {

  private static final Path HISTORY = Path.of("../examples/data/ethusdt-1h-2020-03-10-to-14.csv");

  @Test
  void test_qqQuantile_ofGbm_isTheNormalQuantile() {
    // r ~ N((mu - sigma^2/2) dt, sigma^2 dt); the 97.5% point is the mean plus 1.959964 sd.
    double dt = 1.0 / 8760;
    double[] theta = {0.4, 0.8};
    double expected = (0.4 - 0.32) * dt + 0.8 * Math.sqrt(dt) * 1.959963984540054;
    assertEquals(expected, PriceFitCharts.quantile(new GbmModel(dt), theta, 0.975, -1, 1), 1e-12);
  }

  @Test
  void test_priceAndSnapshotCharts_areWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
    CliResult price =
        cli("calibrate", HISTORY.toString(), "--chart", dir.resolve("price").toString());
    assertEquals(0, price.exit(), price.err());
    String stem = "ethusdt-1h-2020-03-10-to-14";
    assertEquals(
        List.of(
            stem + "-qq-gbm.png",
            stem + "-qq-gbm.svg",
            stem + "-qq-merton.png",
            stem + "-qq-merton.svg",
            stem + "-returns.png",
            stem + "-returns.svg"),
        list(dir.resolve("price")));
    byte[] png = Files.readAllBytes(dir.resolve("price").resolve(stem + "-returns.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    String svg =
        Files.readString(
            dir.resolve("price").resolve(stem + "-qq-merton.svg"), StandardCharsets.UTF_8);
    assertTrue(
        svg.startsWith("<?xml")
            && svg.contains("QQ plot of " + stem + ".csv against the merton fit"),
        svg);

    // Beside the fragment by default: one CDF chart per fitted field.
    Path fragment = dir.resolve("cdp").resolve("owners.yaml");
    Files.createDirectories(fragment.getParent());
    CliResult urns =
        cli(
            "calibrate",
            "--snapshot",
            "../examples/snapshots/maker-urns.csv",
            "--venue",
            "cdp",
            "--name",
            "ETH-A=ETH",
            "--price",
            "ETH=3000",
            "--price",
            "ETH-B=3000",
            "--write",
            fragment.toString());
    assertEquals(0, urns.exit(), urns.err());
    assertEquals(
        List.of(
            "maker-urns-cdp-owners-eth-collateral.png",
            "maker-urns-cdp-owners-eth-collateral.svg",
            "maker-urns-cdp-owners-eth-targetRatio.png",
            "maker-urns-cdp-owners-eth-targetRatio.svg",
            "owners.yaml"),
        list(fragment.getParent()));
  }

  @Test
  void test_badChartOrWritePlace_isOneLine_andNothingWritten(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliResult chart =
        cli(
            "calibrate",
            HISTORY.toString(),
            "--chart",
            file.toString(),
            "--write",
            dir.resolve("f.yaml").toString());
    assertEquals(2, chart.exit());
    assertEquals(List.of("error: --chart: " + file + " is not a directory"), chart.errLines());
    CliResult write =
        cli("calibrate", HISTORY.toString(), "--write", dir.resolve("no/f.yaml").toString());
    assertEquals(
        List.of("error: --write: directory " + dir.resolve("no") + " does not exist"),
        write.errLines());
    assertFalse(Files.exists(dir.resolve("f.yaml")));
  }

  private static List<String> list(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
