package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * A sweep whose base scenario loads position snapshots: every point re-reads the snapshot files
 * relative to the base scenario (a file on disk or a bundled example), so both points load the same
 * accounts and skip the same rows.
 */
class SnapshotSweepTest {

  private static final String METRICS =
      """
      metrics:
        - {name: perpAccounts, path: venues.perp.accounts}
        - {name: lendAccounts, path: venues.lend.accounts}
        - {name: cdpAccounts, path: venues.cdp.accounts}
        - {name: fundStart, path: venues.perp.insuranceFundStart}
      """;

  @TempDir Path tmp;

  private List<List<String>> sweep(String scenario) throws IOException {
    String sweep =
        "name: snapshot-sweep\nscenario: "
            + scenario
            + "\nseed: 3\nreplications: 1\ndesign: grid\n"
            + "parameters:\n  - {path: \"venues[0].insuranceFund\", name: fund, values: [1.0e5, 5.0e6]}\n"
            + METRICS;
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path file = Files.writeString(in.resolve("sweep.yaml"), sweep, StandardCharsets.UTF_8);
    SweepSpec spec = new SweepReader(Catalog.standard()).read(file);
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 2, Shard.ALL, false).directory();
    return Files.readAllLines(dir.resolve("runs.csv")).stream().skip(1).map(Csv::parse).toList();
  }

  private static void assertSameAccounts(List<List<String>> runs) {
    assertEquals(2, runs.size());
    // point, replication, seed, fund, perpAccounts, lendAccounts, cdpAccounts, fundStart, status,
    // ...
    for (List<String> run : runs) {
      assertEquals("ok", run.get(8), run.toString());
    }
    // The accounts loaded are the same at both points: the snapshot files, not the swept parameter.
    assertEquals(runs.get(0).subList(4, 7), runs.get(1).subList(4, 7));
    // Each venue holds its loaded accounts (the counts the bundled files give, docs/data.md).
    for (int c = 4; c < 7; c++) {
      assertTrue(Double.parseDouble(runs.get(0).get(c)) > 100, runs.get(0).toString());
    }
    // The swept parameter reached the runs.
    assertEquals(1.0e5, Double.parseDouble(runs.get(0).get(7)));
    assertEquals(5.0e6, Double.parseDouble(runs.get(1).get(7)));
  }

  @Test
  void test_sweepOverScenarioFile_pointsReadItsSnapshots() throws IOException {
    Path example =
        Path.of("..", "examples", "snapshot-three-venues.yaml").toAbsolutePath().normalize();
    assertSameAccounts(sweep(example.toString()));
  }

  @Test
  void test_sweepOverBundledExample_pointsReadBundledSnapshots() throws IOException {
    assertSameAccounts(sweep("snapshot-three-venues"));
  }

  @Test
  void test_snapshotCounters_areSweepMetrics() throws IOException {
    Path example =
        Path.of("..", "examples", "snapshot-three-venues.yaml").toAbsolutePath().normalize();
    String sweep =
        "name: snapshot-counters\nscenario: "
            + example
            + "\nseed: 3\nreplications: 1\ndesign: grid\n"
            + "parameters:\n  - {path: \"venues[0].insuranceFund\", name: fund, values: [1.0e5]}\n"
            + "metrics:\n  - snapshots.csv-traders.rows\n  - snapshots.csv-traders.skippedRows\n"
            + "  - snapshots.maker-urns.skipped.rejected-at-start\n  - snapshots.maker-urns.skipped.margin-mode\n";
    Path in = Files.createDirectories(tmp.resolve("in"));
    SweepSpec spec =
        new SweepReader(Catalog.standard()).read(Files.writeString(in.resolve("s.yaml"), sweep));
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 1, Shard.ALL, false).directory();
    List<String> run = Csv.parse(Files.readAllLines(dir.resolve("runs.csv")).get(1));
    // docs/data.md: perp-positions.csv has 235 rows, 4 skipped; maker-urns.csv's 0xdddd, 0xeeee and
    // nine dusty vaults are rejected at the start; no urn is skipped for its margin mode (0, not
    // empty).
    assertEquals(List.of("235.0", "4.0", "11.0", "0.0", "ok"), run.subList(4, 9), run.toString());
  }

  @Test
  void test_snapshotMetric_ofAPopulationWithoutSnapshot_orAnUnknownField_isRefused()
      throws IOException {
    Path example =
        Path.of("..", "examples", "snapshot-three-venues.yaml").toAbsolutePath().normalize();
    String sweep =
        "name: bad\nscenario: "
            + example
            + "\nseed: 3\nreplications: 1\ndesign: grid\n"
            + "parameters:\n  - {path: \"venues[0].insuranceFund\", name: fund, values: [1.0e5]}\n"
            + "metrics:\n  - snapshots.keepers.rows\n  - snapshots.csv-traders.skipped.lost\n";
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path file = Files.writeString(in.resolve("s.yaml"), sweep);
    org.marginfall.core.spec.InvalidSpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.marginfall.core.spec.InvalidSpecException.class,
            () -> new SweepReader(Catalog.standard()).read(file));
    List<String> lines = e.problems().stream().map(Object::toString).toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .endsWith(
                "'snapshots.keepers.rows': the scenario has no snapshot population 'keepers'"
                    + " (snapshot populations: [aave-users, csv-traders, hl-traders, maker-urns])"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .contains(
                "'snapshots.csv-traders.skipped.lost' must be snapshots.<population id>.<field>"),
        lines.get(1));
  }
}
