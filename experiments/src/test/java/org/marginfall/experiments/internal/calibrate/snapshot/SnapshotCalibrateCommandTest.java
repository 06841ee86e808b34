package org.marginfall.experiments.internal.calibrate.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * {@code calibrate --snapshot} on the bundled synthetic snapshots (docs/data.md): the
 * hand-checkable rows show in the fits, and the fragments, pasted into the example in place of the
 * snapshot populations, make a scenario the reader takes.
 */
class SnapshotCalibrateCommandTest {

  private static final Path DIR = Path.of("../examples/snapshots");
  private static final Path EXAMPLE = Path.of("../examples/snapshot-three-venues.yaml");

  @Test
  void test_bundledSnapshots_calibrate_andTheFragmentsRun(@TempDir Path dir) throws Exception {
    Path perp = dir.resolve("perp.yaml");
    CliResult hl =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("hyperliquid-users.json").toString(),
            "--venue",
            "perp",
            "--skip-invalid-rows",
            "--write",
            perp.toString());
    assertEquals(0, hl.exit(), hl.err());
    // 60 users: one isolated BTC beside a cross BTC is a duplicate; 13 hold no position.
    assertTrue(
        hl.out()
            .contains(
                "perpetual snapshot (hyperliquid), 78 rows, 1 left out as not fitting"
                    + " {duplicate-account=1}"),
        hl.out());
    assertTrue(hl.out().contains("leveraged-traders perp-traders: 47 accounts"), hl.out());

    Path lend = dir.resolve("lend.yaml");
    CliResult aave =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("aave-users.json").toString(),
            "--venue",
            "lend",
            "--name",
            "WETH=ETH",
            "--name",
            "USDC=USD",
            "--price",
            "ETH=3000",
            "--write",
            lend.toString());
    assertEquals(0, aave.exit(), aave.err());
    // 120 drawn borrowers plus 0xbbbb and 0x9999; the highest LTV is 0x9999's 27,000 / (10 x
    // 3,000).
    assertTrue(
        aave.out().contains("lending-borrowers lend-borrowers-eth-usd: 122 accounts"), aave.out());
    assertTrue(
        aave.out().contains("targetLtv: {dist: uniform, min: 0.4545, max: 0.9}"), aave.out());
    assertTrue(
        aave.out().contains("note: lend-suppliers-link: 1 accounts, too few to fit (at least 10)"),
        aave.out());

    Path cdp = dir.resolve("cdp.yaml");
    CliResult urns =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("maker-urns.csv").toString(),
            "--venue",
            "cdp",
            "--name",
            "ETH-A=ETH",
            "--rate",
            "ETH-A=1.02",
            "--price",
            "ETH=3000",
            "--price",
            "ETH-B=3000",
            "--write",
            cdp.toString());
    assertEquals(0, urns.exit(), urns.err());
    // 150 drawn vaults plus 0xdddd (30,000 / (25,000 x 1.02) = 1.17647) and 0xeeee (30,000 / 1,020
    // = 29.4118).
    assertTrue(
        urns.out().contains("targetRatio: {dist: uniform, min: 1.17647, max: 29.4118}"),
        urns.out());

    String agents = body(perp) + body(lend) + body(cdp);
    String yaml = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    int from = yaml.indexOf("  - id: csv-traders");
    int to = yaml.indexOf("  - id: keepers");
    Scenario s =
        new ScenarioReader(Catalog.standard())
            .read(
                (yaml.substring(0, from) + agents + yaml.substring(to))
                    .getBytes(StandardCharsets.UTF_8),
                false);
    assertEquals(
        List.of(
            "perp-traders",
            "lend-borrowers-eth-usd",
            "lend-suppliers-usd",
            "cdp-owners-eth",
            "keepers"),
        s.model().populations().stream().map(p -> p.id()).toList());
  }

  @Test
  void test_badInput_isOneLineEach_withExitCode2_andNothingWritten(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("fragment.yaml");
    CliResult rows =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("perp-positions.csv").toString(),
            "--price",
            "ETH=3000",
            "--write",
            out.toString());
    assertEquals(2, rows.exit());
    assertEquals(
        List.of(
            "error: --snapshot: ../examples/snapshots/perp-positions.csv:235: collateral USD is negative: -500.0 (negative-amount)",
            "error: --snapshot: ../examples/snapshots/perp-positions.csv:236: account trader-000 holds ETH on an earlier"
                + " line (duplicate-account)",
            "error: --snapshot: the rows above do not fit; fix them, or give --skip-invalid-rows to leave them out"),
        rows.errLines());
    CliResult price =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("perp-positions.csv").toString(),
            "--skip-invalid-rows",
            "--write",
            out.toString());
    assertEquals(2, price.exit());
    assertEquals(
        List.of(
            "error: --price: no price for ETH, needed to value collateral of trader-001 (line 5)"
                + " (give --price ETH=P)"),
        price.errLines());
    CliResult options =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("maker-urns.csv").toString(),
            "--price",
            "ETH=-1",
            "--rate",
            "ETH-A=0.5",
            "--name",
            "ETH-A=not an id",
            "--write",
            out.toString());
    assertEquals(
        List.of(
            "error: --price: ETH=-1: must be a number > 0.0",
            "error: --name: 'not an id' is not an id (1 to 64 letters, digits, _ or -)",
            "error: --rate: ETH-A=0.5: must be a number >= 1.0"),
        options.errLines());
    Path parquet = Files.write(dir.resolve("x.parquet"), new byte[] {1, 2, 3});
    CliResult family = cli("calibrate", "--snapshot", parquet.toString());
    assertEquals(
        List.of(
            "error: --family: cannot tell the family of "
                + parquet
                + " from its format; give --family perpetual, lending or cdp"),
        family.errLines());
    CliResult both = cli("calibrate", "x.csv", "--snapshot", "y.csv");
    assertEquals(
        List.of(
            "error: FILE: give a price history FILE, --snapshot FILE or --trades FILE, only one"),
        both.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void test_underwaterVaults_areLeftOutOfTargetRatio_soTheFragmentIsAccepted(@TempDir Path dir)
      throws Exception {
    Path cdp = dir.resolve("cdp.yaml");
    CliResult urns =
        cli(
            "calibrate",
            "--snapshot",
            DIR.resolve("maker-urns.csv").toString(),
            "--venue",
            "cdp",
            "--name",
            "ETH-A=ETH",
            "--rate",
            "ETH-A=1.02",
            "--price",
            "ETH=2000",
            "--price",
            "ETH-B=2000",
            "--write",
            cdp.toString());
    assertEquals(0, urns.exit(), urns.err());
    // At 2,000 instead of 3,000, 0xdddd's ratio is 1.17647 x 2 / 3 = 0.784314: it cannot be drawn.
    assertTrue(
        urns.out()
            .contains(
                "note: cdp-owners-eth: 1 vaults owe as much as or more than their collateral is"
                    + " worth (ratio down to 0.784314): left out of targetRatio"),
        urns.out());
    // 0xeeee's 29.4118 scales to 19.6078, still the highest.
    assertTrue(urns.out().contains(", max: 19.6078}"), urns.out());
    String yaml = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    int from = yaml.indexOf("  - id: csv-traders");
    int to = yaml.indexOf("  - id: keepers");
    Scenario s =
        new ScenarioReader(Catalog.standard())
            .read(
                (yaml.substring(0, from) + body(cdp) + yaml.substring(to))
                    .getBytes(StandardCharsets.UTF_8),
                false);
    assertEquals(
        List.of("cdp-owners-eth", "keepers"),
        s.model().populations().stream().map(p -> p.id()).toList());
  }

  /** A written fragment's entries, without its {@code agents:} line. */
  private static String body(Path fragment) throws Exception {
    String s = Files.readString(fragment, StandardCharsets.UTF_8);
    assertTrue(s.startsWith("agents:\n"), s);
    return s.substring("agents:\n".length());
  }
}
