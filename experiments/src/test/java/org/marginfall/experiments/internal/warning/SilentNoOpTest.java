package org.marginfall.experiments.internal.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;

/**
 * Valid set-ups that do nothing get a warning line on stderr and a note in the report (#17, item
 * 12): an oracle failure after the last step, a wrong-price factor of 1, a shock of change 0, a
 * twin that changes no result.
 */
class SilentNoOpTest {

  @TempDir Path tmp;

  private Path oracleFailuresWith(String from, String to) {
    Path example = Fixtures.example().resolveSibling("oracle-failures.yaml");
    return Fixtures.write(tmp, "late.yaml", Fixtures.replaceOnce(Fixtures.read(example), from, to));
  }

  @Test
  void test_validate_warnsOfAnOracleFailureAfterTheLastStep() {
    // oracle-failures.yaml runs 90 steps; the wrong print is moved to step 120.
    Path file =
        oracleFailuresWith(
            "fromStep: 60, steps: 5, mode: wrong", "fromStep: 120, steps: 5, mode: wrong");
    Fixtures.CliResult r = Fixtures.cli("validate", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "warning: oracles[0].failures[0].fromStep: step 120 is after the last step (90), so the wrong"
                + " failure of print-feed never happens"),
        r.errLines());
  }

  @Test
  void test_validate_warnsOfAFactorOfOneAndAShockOfZero() {
    Path file =
        Fixtures.write(
            tmp,
            "noop.yaml",
            Fixtures.replaceOnce(
                Fixtures.read(
                    oracleFailuresWith("mode: wrong, factor: 0.8", "mode: wrong, factor: 1")),
                "change: -0.25",
                "change: 0"));
    Fixtures.CliResult r = Fixtures.cli("validate", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "warning: oracles[0].failures[0].factor: 1 publishes the true price, so the failure changes nothing",
            "warning: shocks[0].change: 0 leaves the ETH price unchanged"),
        r.errLines());
  }

  @Test
  void test_validate_aScenarioWithoutNoOpsHasNoWarning() {
    Fixtures.CliResult r =
        Fixtures.cli(
            "validate", Fixtures.example().resolveSibling("oracle-failures.yaml").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void test_run_writesTheWarningAndTheReportShowsItFirst() throws Exception {
    Path file =
        oracleFailuresWith(
            "fromStep: 60, steps: 5, mode: wrong", "fromStep: 120, steps: 5, mode: wrong");
    Path out = tmp.resolve("run");
    Fixtures.CliResult r = Fixtures.cli("run", file.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: oracles[0].failures[0].fromStep: step 120 is after the last step (90)"),
        r.err());
    assertEquals(
        List.of(
            new Warning(
                "oracles[0].failures[0].fromStep",
                "step 120 is after the last step (90), so the wrong failure of print-feed never happens")),
        WarningsFile.read(out));
    String html = Files.readString(out.resolve("report.html"));
    int warnings = html.indexOf("<h2>Warnings</h2>");
    assertTrue(warnings > 0, "the report has a Warnings section");
    assertTrue(warnings < html.indexOf("Totals"), "before the results");
    assertTrue(html.contains("so the wrong failure of print-feed never happens"));
  }

  @Test
  void test_run_warnsOfAnIsolatedTwinOnAccountsWithOneMarketEach() {
    // flash-crash's traders hold ETH and BTC on the cross venue; holding ETH only, each account has
    // one market, so isolated margin is cross margin and the twin changes nothing.
    String oneMarket =
        Fixtures.read(Fixtures.example())
            .replace(
                "markets: [{asset: ETH, weight: 0.7}, {asset: BTC, weight: 0.3}]",
                "markets: [ETH]");
    Path file = Fixtures.write(tmp, "one-market.yaml", oneMarket);
    Path out = tmp.resolve("twin");
    Fixtures.CliResult r =
        Fixtures.cli(
            "run", file.toString(), "--out", out.toString(), "--twin", "isolated", "--no-report");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.errLines()
            .contains(
                "warning: twin isolated: changed nothing: every time series equals the base run's,"
                    + " so isolated margin makes no difference here (each account holds one market, or every perpetual venue is"
                    + " isolated already, and no collateral pool is shared)"),
        r.err());
    assertTrue(Files.isRegularFile(out.resolve(WarningsFile.NAME)));
  }

  @Test
  void test_run_anIsolatedTwinThatChangesResultsHasNoWarning() {
    Path out = tmp.resolve("twin");
    Fixtures.CliResult r =
        Fixtures.cli(
            "run",
            Fixtures.example().toString(),
            "--out",
            out.toString(),
            "--twin",
            "isolated",
            "--no-report");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("warning"), r.err());
    assertFalse(Files.exists(out.resolve(WarningsFile.NAME)));
  }
}
