package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;

/** A merge reads only what the shard directories hold, and checks it before writing anything. */
class SweepMergerTest {

  @TempDir Path tmp;

  private Path s0;
  private Path s1;

  /** Two shards of a 6-run grid. */
  @BeforeEach
  void shards() throws IOException {
    SweepSpec spec =
        SweepFixtures.spec(
            tmp.resolve("in"), SweepFixtures.GRID.replace("replications: 3", "replications: 1"));
    s0 = SweepFixtures.run(spec, tmp.resolve("s0"), 1, new Shard(0, 2), false).directory();
    s1 = SweepFixtures.run(spec, tmp.resolve("s1"), 1, new Shard(1, 2), false).directory();
  }

  private List<String> refused(Path... shards) {
    Path out = tmp.resolve("merged");
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () -> new SweepMerger(Catalog.standard()).merge(List.of(shards), out, false));
    assertFalse(Files.exists(out), "nothing written");
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void test_merge_refusesAManifestNamingAScenarioOutsideTheShard() throws IOException {
    Path secret =
        Fixtures.write(
            Files.createDirectories(tmp.resolve("outside")),
            "secret-scenario.yaml",
            Fixtures.minimalYaml().replace("change: -0.2", "change: -0.9"));
    Path manifest = s0.resolve("manifest.json");
    String m = Fixtures.read(manifest);
    Files.writeString(
        manifest,
        m.replace(
                "\"file\" : \"scenario.yaml\"", "\"file\" : \"../../outside/secret-scenario.yaml\"")
            .replace(
                SweepReader.sha256(Files.readAllBytes(s0.resolve("scenario.yaml"))),
                SweepReader.sha256(Files.readAllBytes(secret))));
    assertEquals(
        List.of(
            manifest
                + ": scenario.file: must be scenario.yaml or scenario.json, the copy a sweep writes"
                + " beside its manifest, was '../../outside/secret-scenario.yaml'"),
        refused(s0, s1));

    Fixtures.CliResult cli =
        Fixtures.cli(
            "merge", s0.toString(), s1.toString(), "--out", tmp.resolve("merged").toString());
    assertEquals(2, cli.exit());
    assertEquals(
        List.of(
            "error: "
                + manifest
                + ": scenario.file: must be scenario.yaml or scenario.json, the copy a sweep"
                + " writes beside its manifest, was '../../outside/secret-scenario.yaml'"),
        cli.errLines());
    assertFalse(Files.exists(tmp.resolve("merged")), "nothing written");
  }

  @Test
  void test_merge_refusesCopiesWhoseHashIsNotTheManifests() throws IOException {
    Files.writeString(
        s1.resolve("scenario.yaml"),
        "\n# edited after the run\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        s0.resolve("sweep.yaml"),
        Fixtures.read(s0.resolve("sweep.yaml")).replace("seed: 11", "seed: 12"));
    assertEquals(
        List.of(
            s0.resolve("sweep.yaml")
                + ": its SHA-256 is not the one manifest.json records (the file changed after the shard ran)",
            s1.resolve("scenario.yaml")
                + ": its SHA-256 is not the one manifest.json records (the file changed after the shard"
                + " ran)"),
        refused(s0, s1));
  }

  @Test
  void test_merge_refusesAMissingCopyOrAMalformedManifest() throws IOException {
    Files.delete(s1.resolve("scenario.yaml"));
    Files.writeString(s0.resolve("manifest.json"), "{\"sweep\":");
    List<String> problems = refused(s0, s1);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith(s0.resolve("manifest.json") + ": is not valid JSON: "),
        problems.get(0));
    assertEquals(
        s1.resolve("scenario.yaml") + ": is missing (a shard holds a copy of its inputs)",
        problems.get(1));
  }

  @Test
  void test_merge_refusesAShardWhoseRowsAreNotItsSlice() throws IOException {
    Path csv = s1.resolve("runs.csv");
    List<String> rows = new ArrayList<>(Files.readAllLines(csv));
    rows.remove(rows.size() - 1);
    Files.write(csv, rows);
    assertEquals(
        List.of(
            csv
                + ": must hold the 3 rows of runs 3..5 of shard 1/2 in run order; its first 2 rows are and"
                + " then it ends or differs"),
        refused(s0, s1));
    Files.write(s0.resolve("runs.csv"), List.of("point,other"));
    assertEquals(
        List.of(
            s0.resolve("runs.csv") + ": does not start with the header of this sweep",
            csv
                + ": must hold the 3 rows of runs 3..5 of shard 1/2 in run order; its first 2 rows are and then it ends or"
                + " differs"),
        refused(s0, s1));
  }
}
