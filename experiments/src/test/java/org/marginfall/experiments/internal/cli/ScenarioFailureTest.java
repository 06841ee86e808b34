package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;
import static org.marginfall.experiments.Fixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.MutatedScenario;

/**
 * What a valid-looking scenario the model cannot set up or compute reports (issue #17, items 1 and
 * 16): one line naming the scenario entry, the step and the problem in the scenario's units, exit
 * 2, nothing written; and what no longer fails at all.
 */
class ScenarioFailureTest {

  @TempDir Path tmp;

  @Test
  void test_borrowersListedBeforeTheirSuppliersRunAsIfListedAfter() throws IOException {
    // Used to pass validate and fail run: "lend: reserve USD holds 0 atoms, cannot lend
    // 44550193089".
    Map<String, Object> inOrder = MutatedScenario.bundled("lending-crash", 20, 10);
    Map<String, Object> reversed = MutatedScenario.bundled("lending-crash", 20, 10);
    @SuppressWarnings("unchecked")
    List<Object> agents = (List<Object>) reversed.get("agents");
    // suppliers at 0 and 1, borrowers at 2 and 3: list the borrowers first.
    List<Object> moved =
        new ArrayList<>(List.of(agents.get(2), agents.get(3), agents.get(0), agents.get(1)));
    moved.addAll(agents.subList(4, agents.size()));
    reversed.put("agents", moved);
    Path a = MutatedScenario.write(tmp, "in-order.yaml", inOrder);
    Path b = MutatedScenario.write(tmp, "reversed.yaml", reversed);

    CliResult validate = cli("validate", b.toString());
    assertEquals(0, validate.exit(), validate.err());
    CliResult runA =
        cli("run", a.toString(), "--out", tmp.resolve("a").toString(), "--no-report", "--audit");
    CliResult runB =
        cli("run", b.toString(), "--out", tmp.resolve("b").toString(), "--no-report", "--audit");
    assertEquals(0, runA.exit(), runA.err());
    assertEquals(0, runB.exit(), runB.err());
    // The order of the agents list decides nothing: the same path, step by step.
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("a/timeseries.csv")),
        Files.readAllBytes(tmp.resolve("b/timeseries.csv")));
  }

  @Test
  void test_suppliesTooSmallForTheBorrowersFailValidateAtTheBorrowersInUnits() {
    // depositor-run: 20 depositors supply 150 USD each, 3,000 USD in all; the first borrower wants
    // 240,000.
    Map<String, Object> tree = MutatedScenario.bundled("depositor-run", 20, 20);
    MutatedScenario.set(tree, "agents[0].amount", 150);
    Path file = MutatedScenario.write(tmp, "short.yaml", tree);

    String line = rejected(file);

    assertTrue(
        line.startsWith("error: " + file + ": agents[1]: at set-up: population steady-borrowers: "),
        line);
    assertTrue(
        line.contains("would borrow 240000.0 USD from lend, whose USD reserve holds 3000.0 USD"),
        line);
    assertTrue(line.contains("supply more USD to lend"), line);
  }

  @Test
  void test_aFundamentalPriceLeavingTheRangeStopsTheRunAtItsAssetAndStep() {
    // A drift of 1,000% a year over one-year steps: 2000 USD grows e^9.9-fold a step, past 1e12 at
    // step 3.
    String yaml =
        replaceOnce(
            replaceOnce(minimalYaml(), "stepSeconds: 60", "stepSeconds: 31536000"),
            "price: {initial: 2000, volatility: 0.5}",
            "price: {initial: 2000, volatility: 0.5, drift: 10}");
    Path file = write(tmp, "drift.yaml", yaml);
    assertEquals(0, cli("validate", file.toString()).exit());

    CliResult run =
        cli("run", file.toString(), "--out", tmp.resolve("out").toString(), "--no-report");

    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run.err());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "error: "
                    + file
                    + ": assets[1].price: at step 3: the fundamental price of ETH reached "),
        lines.get(0));
    assertTrue(
        lines.get(0).contains("beyond the range prices are computed in (1e-12 to 1e12 USD)"),
        lines.get(0));
    assertNoExceptionNames(run.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void test_aShockTakingThePriceOutOfTheRangeIsNamed() {
    // 1e9 USD times 1,001 at step 3.
    String yaml =
        replaceOnce(
            replaceOnce(minimalYaml(), "change: -0.2\n", "change: 1000\n"),
            "price: {initial: 2000, volatility: 0.5}",
            "price: {initial: 1.0e9}");
    Path file = write(tmp, "shock.yaml", yaml);

    CliResult run =
        cli("run", file.toString(), "--out", tmp.resolve("out").toString(), "--no-report");

    assertEquals(2, run.exit(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error: "
                    + file
                    + ": shocks[0].change: at step 3: the fundamental price of ETH reached 1.001E12 USD"),
        run.err());
  }

  @Test
  void test_amountsNoPrecisionCanCountFailAtThePopulationHoldingThem() {
    // A lognormal of median 1e15 and sigma 10 draws up to 1e17 USD per trader: used to be reported
    // as "assets[id=USD].decimals: ... exceeds the ledger even in whole units", a field that
    // cannot fix it.
    Path file =
        write(
            tmp,
            "wide.yaml",
            replaceOnce(
                minimalYaml(),
                "collateral: 1000\n",
                "collateral: {dist: lognormal, median: 1.0e15, sigma: 10}\n"));

    String line = rejected(file);

    assertTrue(
        line.startsWith(
            "error: "
                + file
                + ": agents[0]: at set-up: population traders holds the most of it: "
                + "the world after set-up is worth "),
        line);
    assertTrue(line.endsWith("lower the amounts"), line);
  }

  /** validate and run both reject the file with the same single line; nothing is written. */
  private String rejected(Path file) {
    CliResult validate = cli("validate", file.toString());
    assertEquals(2, validate.exit(), validate.err());
    Path out = tmp.resolve("out");
    CliResult run = cli("run", file.toString(), "--out", out.toString(), "--no-report");
    assertEquals(2, run.exit(), run.err());
    assertEquals(validate.err(), run.err());
    assertFalse(Files.exists(out));
    List<String> lines = validate.errLines();
    assertEquals(1, lines.size(), validate.err());
    assertNoExceptionNames(validate.err());
    assertFalse(validate.err().contains("atoms"), validate.err());
    return lines.get(0);
  }

  private static void assertNoExceptionNames(String err) {
    assertFalse(err.matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), err);
    assertFalse(err.contains("\tat "), err);
  }
}
