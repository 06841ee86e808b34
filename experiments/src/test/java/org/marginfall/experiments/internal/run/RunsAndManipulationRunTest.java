package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Running depositors and the oracle manipulator in whole audited runs of their bundled examples:
 * each draws only from its own stream (the fundamental price path is bit-identical with and without
 * it), the audit (ledger conservation and every venue's invariants) holds at every step, and each
 * makes the difference its example describes against its twin.
 */
class RunsAndManipulationRunTest {

  private record Output(
      List<String> columns, List<String[]> rows, String events, RunSummary summary) {
    List<String> column(String name) {
      int i = columns.indexOf(name);
      assertTrue(i >= 0, "no column " + name);
      List<String> out = new ArrayList<>();
      for (String[] r : rows) {
        out.add(r[i]);
      }
      return out;
    }

    double min(String name) {
      return column(name).stream().mapToDouble(Double::parseDouble).min().orElseThrow();
    }
  }

  private static Output run(String yaml) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    StringWriter csv = new StringWriter();
    StringWriter jsonl = new StringWriter();
    SummaryCollector summary = new SummaryCollector();
    Simulation.Outcome outcome =
        Simulation.run(
            model,
            model.settings().seed(),
            0,
            true,
            List.of(summary, new TimeseriesCsvWriter(csv), new EventsJsonlWriter(jsonl)));
    // The audit ran at every step (it throws on the first violation).
    assertEquals(model.settings().steps() + 1, outcome.auditedSteps());
    List<String> lines = csv.toString().lines().toList();
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(","));
    }
    return new Output(
        List.of(lines.get(0).split(",")),
        rows,
        jsonl.toString(),
        summary.summary(true, outcome.auditedSteps()));
  }

  private static String example(String name) {
    return new String(ScenarioSource.bundled(name).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** The example with the population entry starting at {@code from} cut up to {@code to}. */
  private static String without(String yaml, String from, String to) {
    int i = yaml.indexOf(from);
    int j = yaml.indexOf(to, i + 1);
    assertTrue(i > 0 && j > i);
    return yaml.substring(0, i) + yaml.substring(j);
  }

  @Test
  void test_run_depositorRunKeepsTheFundamentalsAndSpillsIntoThePerpVenue() {
    String yaml = example("depositor-run");
    Output run = run(yaml);
    // The twin the example names: depositors that never run on value (and so never on utilisation).
    String valueLine = "    valueDrop: {dist: uniform, min: 0.001, max: 0.02}\n";
    assertTrue(yaml.contains(valueLine));
    Output twin = run(yaml.replace(valueLine, "    valueDrop: 0.99\n"));
    assertTrue(!twin.events().contains("\"type\":\"depositor_run\""));
    // The other twin: the same depositors as plain suppliers of the same 500,000 USD each.
    Output suppliers =
        run(
            yaml.substring(0, yaml.indexOf("  - id: depositors"))
                + "  - id: depositors\n    type: lending-suppliers\n    venue: lend\n    count: 60\n"
                + "    supplies:\n      - {asset: USD, amount: 5.0e5}\n"
                + yaml.substring(yaml.indexOf("  - id: steady-borrowers")));
    assertEquals(twin.column("market_price.aUSD"), suppliers.column("market_price.aUSD"));
    for (String asset : List.of("ETH", "BTC")) {
      assertEquals(
          twin.column("fundamental_price." + asset), run.column("fundamental_price." + asset));
    }
    assertTrue(run.events().contains("\"type\":\"depositor_run\""));
    // The run drains the cash (utilisation 100%) and the fire sale takes aUSD far below its NAV.
    assertEquals(
        1.0,
        Double.parseDouble(run.column("utilisation_USD.lend").get(run.rows().size() - 1)),
        1e-9);
    assertTrue(run.min("market_price.aUSD") < 0.6, "aUSD fire-sold below 0.6");
    assertTrue(twin.min("market_price.aUSD") > 0.99, "aUSD near its NAV without the run");
    // Channel 2: the perp venue liquidates aUSD-margined traders only when depositors run.
    assertTrue(run.summary().venues().get("perp").liquidations() > 0);
    assertEquals(0, twin.summary().venues().get("perp").liquidations());
    assertNotEquals(run.column("market_price.aUSD"), twin.column("market_price.aUSD"));
  }

  @Test
  void test_run_oracleManipulationKeepsTheFundamentalsAndLeavesBadDebt() {
    String yaml = example("oracle-manipulation");
    Output run = run(yaml);
    Output twin = run(without(yaml, "  - id: attacker", "  - id: keepers"));
    // The twin the example names: an attacker that never starts.
    Output idle = run(yaml.replace("    startStep: 20\n", "    startStep: 1000\n"));
    assertEquals(0, idle.summary().venues().get("pool").liquidations());
    assertEquals(0, idle.summary().venues().get("pool").badDebt());
    assertEquals(twin.column("fundamental_price.MNGO"), idle.column("fundamental_price.MNGO"));
    for (String asset : List.of("ETH", "MNGO")) {
      assertEquals(
          twin.column("fundamental_price." + asset), run.column("fundamental_price." + asset));
    }
    assertTrue(run.events().contains("\"type\":\"manipulator_borrow\""));
    assertTrue(
        run.summary().venues().get("pool").badDebt() > 1.0e6, "the pool is left with bad debt");
    assertEquals(0, twin.summary().venues().get("pool").badDebt());
    assertEquals(0, twin.summary().venues().get("pool").liquidations());
    // Socialised: the USD lenders' receipt loses value only in the manipulated run.
    assertTrue(run.min("exchange_rate_USD.pool") < 0.95);
    assertTrue(twin.min("exchange_rate_USD.pool") >= 1.0);
  }

  @Test
  void test_run_addingDepositorsKeepsTheFundamentalsAndTheyRunOnTheSocialisedLoss() {
    String yaml = example("oracle-manipulation");
    String depositors =
        String.join(
            "\n",
            "  - id: runners",
            "    type: running-depositors",
            "    venue: pool",
            "    asset: USD",
            "    count: 10",
            "    amount: 1.0e5",
            "    valueDrop: {dist: uniform, min: 0.01, max: 0.05}",
            "");
    Output base = run(yaml);
    // Listed after the attacker, before the keepers: a pure addition.
    Output with = run(yaml.replace("  - id: keepers", depositors + "  - id: keepers"));
    for (String asset : List.of("ETH", "MNGO")) {
      assertEquals(
          base.column("fundamental_price." + asset), with.column("fundamental_price." + asset));
    }
    // The manipulation's bad debt cuts aUSD's rate by about 11%, above every threshold: all run.
    assertEquals(
        10, with.events().lines().filter(l -> l.contains("\"type\":\"depositor_run\"")).count());
    assertTrue(with.events().lines().anyMatch(l -> l.contains("\"type\":\"depositor_exit\"")));
  }
}
