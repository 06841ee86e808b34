package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;

class SweepCliTest {

  @TempDir Path tmp;

  @Test
  void test_sweep_runsShardsAndMergesFromTheCommandLine() {
    SweepFixtures.spec(tmp, SweepFixtures.GRID);
    String sweep = tmp.resolve("sweep.yaml").toString();
    Fixtures.CliResult whole =
        Fixtures.cli("sweep", sweep, "--out", tmp.resolve("whole").toString(), "--threads", "2");
    assertEquals(0, whole.exit(), whole.err());
    assertTrue(
        whole
            .out()
            .startsWith("test-grid: grid design, 6 points x 3 replications = 18 runs, 2 threads\n"),
        whole.out());
    assertTrue(whole.out().contains("18 runs, 0 failed"), whole.out());
    assertTrue(
        whole.out().contains("point 5: mm=0.08 shock=-0.1 | totals.liquidations"), whole.out());
    assertTrue(
        whole.err().contains("18/18 runs (100%), 0 failed"),
        "plain progress lines when not a terminal: " + whole.err());
    for (int k = 0; k < 2; k++) {
      Fixtures.CliResult shard =
          Fixtures.cli(
              "sweep", sweep, "--out", tmp.resolve("s" + k).toString(), "--shard", k + "/2");
      assertEquals(0, shard.exit(), shard.err());
      assertTrue(
          shard.out().contains("shard " + k + "/2 runs " + (k * 9) + ".." + (k * 9 + 8)),
          shard.out());
    }
    Fixtures.CliResult merged =
        Fixtures.cli(
            "merge",
            tmp.resolve("s1").toString(),
            tmp.resolve("s0").toString(),
            "--out",
            tmp.resolve("merged").toString());
    assertEquals(0, merged.exit(), merged.err());
    assertEquals(
        Fixtures.sha256(tmp.resolve("whole/points.csv")),
        Fixtures.sha256(tmp.resolve("merged/points.csv")));
    assertTrue(Files.isRegularFile(tmp.resolve("merged/manifest.json")));
  }

  @Test
  void test_sweep_failedRunsGiveExitCode3AndKeepRunsWritesRunDirectories() {
    SweepFixtures.spec(
        tmp,
        SweepFixtures.GRID
            .replace("values: [0.02, 0.05, 0.08]", "values: [0.2]")
            .replace("replications: 3", "replications: 1"));
    Fixtures.CliResult r =
        Fixtures.cli(
            "sweep", tmp.resolve("sweep.yaml").toString(), "--out", tmp.resolve("o").toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.out().contains("2 runs, 2 failed {INVALID_SCENARIO=2}"), r.out());

    // one margin level x 2 shock levels x 1 replication: 2 runs, each writing its report
    SweepFixtures.spec(
        tmp,
        SweepFixtures.GRID
            .replace("values: [0.02, 0.05, 0.08]", "values: [0.05]")
            .replace("replications: 3", "replications: 1"));
    Fixtures.CliResult k =
        Fixtures.cli(
            "sweep",
            tmp.resolve("sweep.yaml").toString(),
            "--out",
            tmp.resolve("k").toString(),
            "--keep-runs",
            "--threads",
            "1");
    assertEquals(0, k.exit(), k.err());
    Path run = tmp.resolve("k/runs/p000001-r0000");
    assertTrue(
        Files.isRegularFile(run.resolve("summary.json")),
        "per-run directory as marginfall run writes it");
    assertTrue(
        Fixtures.read(run.resolve("manifest.json"))
            .contains("\"seed\" : " + RunSeeds.runSeed(11, 0)));
  }

  @Test
  void test_validate_recognisesAndChecksASweepFile() {
    SweepFixtures.spec(tmp, SweepFixtures.GRID);
    String sweep = tmp.resolve("sweep.yaml").toString();

    Fixtures.CliResult valid = Fixtures.cli("validate", sweep);

    assertEquals(0, valid.exit(), valid.err());
    assertEquals(
        sweep + ": valid sweep (6 design points × 3 replications of minimal.yaml)",
        valid.out().strip());
    assertEquals("", valid.err());

    // Problems are the sweep's, as `sweep` reports them, not a scenario's ("run: is required",
    // ...).
    Fixtures.write(
        tmp,
        "bad.yaml",
        SweepFixtures.GRID.replace("venues[0].maintenanceMargin", "venues[4].maintenanceMargin"));
    Fixtures.CliResult bad = Fixtures.cli("validate", tmp.resolve("bad.yaml").toString());
    assertEquals(2, bad.exit());
    assertEquals("", bad.out());
    assertEquals(
        java.util.List.of(
            "error: "
                + tmp.resolve("bad.yaml")
                + ": parameters[0].path: venues[4] does not exist in the scenario"),
        bad.errLines());
  }

  @Test
  void test_sweep_badInputIsExitCode2WithPaths() {
    SweepFixtures.spec(tmp, SweepFixtures.GRID);
    String sweep = tmp.resolve("sweep.yaml").toString();
    Fixtures.CliResult shard =
        Fixtures.cli("sweep", sweep, "--out", tmp.resolve("x").toString(), "--shard", "3/3");
    assertEquals(2, shard.exit());
    assertEquals(
        "error: --shard: --shard must be K/N with 0 <= K < N (e.g. 0/4), was '3/3'",
        shard.errLines().get(0));
    Fixtures.write(
        tmp,
        "bad.yaml",
        SweepFixtures.GRID.replace("venues[0].maintenanceMargin", "venues[4].maintenanceMargin"));
    Fixtures.CliResult bad =
        Fixtures.cli(
            "sweep", tmp.resolve("bad.yaml").toString(), "--out", tmp.resolve("y").toString());
    assertEquals(2, bad.exit());
    assertEquals(
        "error: "
            + tmp.resolve("bad.yaml")
            + ": parameters[0].path: venues[4] does not exist in the scenario",
        bad.errLines().get(0));
  }
}
