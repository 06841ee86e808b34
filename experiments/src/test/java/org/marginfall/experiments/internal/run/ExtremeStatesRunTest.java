package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;
import org.marginfall.experiments.MutatedScenario;

/**
 * Valid scenarios whose runs reach extreme model states (issue #17, item 22): each is a bundled
 * example, cut to a few steps and agents, with one field changed; each must run to its end.
 */
class ExtremeStatesRunTest {

  @TempDir Path tmp;

  /**
   * Validates and runs (audited) the example with {@code path} set to {@code value}; both must
   * succeed.
   */
  private void runs(String example, int steps, int agents, String path, Object value) {
    Map<String, Object> tree = MutatedScenario.bundled(example, steps, agents);
    MutatedScenario.set(tree, path, value);
    Path file = MutatedScenario.write(tmp, example + ".yaml", tree);
    CliResult validate = cli("validate", file.toString());
    assertEquals(0, validate.exit(), validate.err());
    CliResult run =
        cli(
            "run",
            file.toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--force",
            "--no-report",
            "--audit");
    assertEquals(0, run.exit(), example + " with " + path + " = " + value + ": " + run.err());
  }

  @Test
  void test_run_collateralSaleAfterThePriceCollapsedIsCappedByWhatIsHeld() {
    // 8 traders of 2.1e9 USD each in a market of depth 1e8: the first liquidations sell ETH down
    // to near zero, and selling a trader's ETH collateral for its shortfall asked for 1.27e15 ETH
    // (shortfall over price) before capping it by the 3 ETH held: a ledger range failure.
    runs("flash-crash", 12, 8, "agents[0].collateral", 2147483648L);
  }

  @Test
  void test_run_fireSalesInAVeryThinMarket() {
    // ETH depth 1e4 (or 1): the first liquidations drove the price to e^-1000 of the fundamental,
    // a double 0, and attributing the next liquidation compared infinite counterfactual margins
    // ("NullPointerException ... worstKind is null"). The price now stops at 1e-9 of the
    // fundamental; units sold beyond it fill there.
    runs("market-maker-withdrawal", 40, 20, "markets[0].impact.depth", 1e4);
    runs("three-venue-crash", 60, 20, "markets[0].impact.depth", 1);
    runs("oracle-floor", 60, 20, "markets[0].impact.depth", 100);
  }

  @Test
  void test_run_anInsolventBackstopVaultsSharesAreWorthNothing() throws Exception {
    // A 10,000 USD vault takes over accounts, then ETH falls 90%: its equity goes below zero. Its
    // share (HLP) used to be priced below zero, which stopped the run ("price of HLP must be finite
    // and >= 0, was -0.0018...") when the exposures were measured.
    Map<String, Object> tree = MutatedScenario.bundled("three-venue-crash", 120, 20);
    MutatedScenario.set(tree, "venues[0].backstop.capital", 1e4);
    MutatedScenario.set(tree, "shocks[0].change", -0.9);
    Path file = MutatedScenario.write(tmp, "insolvent.yaml", tree);
    Path out = tmp.resolve("insolvent");
    CliResult run = cli("run", file.toString(), "--out", out.toString(), "--no-report", "--audit");
    assertEquals(0, run.exit(), run.err());
    List<String> events = Files.readAllLines(out.resolve("events.jsonl"));
    assertEquals(
        1, events.stream().filter(e -> e.contains("\"type\":\"backstop_insolvent\"")).count());
    Csv csv = org.marginfall.experiments.Fixtures.csv(out.resolve("timeseries.csv"));
    for (String nav : csv.text("backstopNav.perp")) {
      assertTrue(Double.parseDouble(nav) >= 0, nav);
    }
    assertTrue(csv.text("backstopEquity.perp").stream().anyMatch(e -> Double.parseDouble(e) < 0));
  }

  @Test
  void test_run_poolTopUpTowardsAnUnreachableHealthIsCappedByThePool() {
    // A pooled-traders targetHealth of 1e15 makes each top-up need 1e19 USD: capped by the pool.
    runs("shared-collateral-contagion", 12, 8, "agents[5].targetHealth", 1e15);
  }
}
