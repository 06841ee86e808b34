package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/**
 * {@code marginfall network} on huge but finite and on large inputs (#17, item 25): amounts beyond
 * the documented bounds are refused with their line and field, values at the bounds compute
 * exactly, and a 1,000-node DebtRank of every node defaulting (which the dense code did not finish
 * in 15 minutes) finishes with the hand-computed result.
 */
class NetworkLimitsTest {

  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content);
  }

  @Test
  void test_network_amountBeyondTheBoundIsRefusedWithLineAndField() throws IOException {
    // The old reader accepted 1e300 and printed Infinity / NaN with exit 0.
    Path file =
        write(
            "huge.json",
            """
        {"nodes": [{"id": "A", "externalAssets": 1, "equity": 1},
                   {"id": "B", "equity": 1e-12}],
         "liabilities": [
           {"from": "A", "to": "B", "amount": 1e300}]}
        """);
    Path out = tmp.resolve("result.json");
    CliResult r = cli("network", file.toString(), "--method", "debtrank", "--out", out.toString());
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "error: "
                + file
                + ": nodes[1].equity: must be 0 or at least 1e-9 (DebtRank divides by it), was 1.0E-12 (line 2)",
            "error: "
                + file
                + ": liabilities[0].amount: must be a number between 0 and 1e15, was 1.0E300 (line 4)"),
        r.err().lines().toList());
    assertFalse(Files.exists(out));
  }

  @Test
  void test_network_atTheBoundsComputesExactly() throws IOException {
    // A owes B 1e15 and holds 5e14 outside: A pays 5e14 (recovery 0.5). DebtRank: B's equity 1e-9,
    // impact 1e24, so A defaulting takes B's stress to 1: R = 1 · 1/2 = 0.5, one more default.
    Path file =
        write(
            "bounds.json",
            """
        {"nodes": [{"id": "A", "externalAssets": 5e14, "equity": 1}, {"id": "B", "equity": 1e-9}],
         "liabilities": [{"from": "A", "to": "B", "amount": 1e15}]}
        """);
    CliResult en = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(0, en.exit(), en.err());
    assertTrue(
        en.out()
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "A +1000000000000000\\.000000 +500000000000000\\.000000 +0\\.500000 +-500000000000000\\.000000 +round 1")),
        en.out());
    CliResult dr =
        cli("network", file.toString(), "--method", "debtrank", "--variant", "battiston2012");
    assertEquals(0, dr.exit(), dr.err());
    assertTrue(
        dr.out()
            .lines()
            .anyMatch(l -> l.matches("A defaults +0\\.5000000 +1 +1\\.000000 +1\\.000000")),
        dr.out());
  }

  @Test
  void test_network_thousandNodeRingRunsEveryNodeDefaulting() throws IOException {
    // A ring: node i owes node i+1 one unit, every equity 2, equal values. Node k defaulting
    // stresses
    // k+1 by 1/2, k+2 by 1/4, ... (bardoscia2015), until the step falls below 1e-14: R = Σ 2^-m /
    // 1000
    // = 0.0010000 to 7 decimals for every node, and nobody else defaults.
    int n = 1000;
    StringBuilder s = new StringBuilder("{\"nodes\": [\n");
    for (int i = 0; i < n; i++) {
      s.append("{\"id\": \"n")
          .append(i)
          .append("\", \"equity\": 2}")
          .append(i < n - 1 ? ",\n" : "\n");
    }
    s.append("], \"liabilities\": [\n");
    for (int i = 0; i < n; i++) {
      s.append("{\"from\": \"n")
          .append(i)
          .append("\", \"to\": \"n")
          .append((i + 1) % n)
          .append("\", \"amount\": 1}")
          .append(i < n - 1 ? ",\n" : "\n");
    }
    Path file = write("ring.json", s.append("]}\n").toString());
    CliResult r = cli("network", file.toString(), "--method", "debtrank");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(n + 2, lines.size());
    assertTrue(lines.get(1).matches("shock +DebtRank +defaults"), lines.get(1));
    for (int i = 0; i < n; i++) {
      assertTrue(lines.get(i + 2).matches("n" + i + " defaults +0\\.0010000 +0"), lines.get(i + 2));
    }
  }

  @Test
  void test_network_moreThanAThousandNodesWithoutShocksAsksForShocks() throws IOException {
    StringBuilder s = new StringBuilder("{\"nodes\": [");
    for (int i = 0; i <= 1000; i++) {
      s.append(i == 0 ? "" : ", ").append("{\"id\": \"n").append(i).append("\", \"equity\": 1}");
    }
    Path file = write("wide.json", s.append("], \"liabilities\": []}\n").toString());
    CliResult r = cli("network", file.toString(), "--method", "debtrank");
    assertEquals(2, r.exit());
    assertEquals(
        List.of(
            "error: "
                + file
                + ": shocks: absent, so debtrank would run each of the 1001 nodes defaulting alone"
                + " (1001 propagations, 1001 x 1001 stresses); with more than 1000 nodes, list the shocks to run"
                + " (docs/contagion.md, Network file format)"),
        r.err().lines().toList());
    assertEquals(0, cli("network", file.toString(), "--method", "eisenberg-noe").exit());
  }
}
