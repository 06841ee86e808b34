package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.run.OutputDirectoryException;
import org.marginfall.experiments.internal.scenario.Catalog;

class SweepRunnerTest {

  @TempDir Path tmp;

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void test_run_sameBytesWithOneAndTwoThreads() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    SweepRunner.Result one = SweepFixtures.run(spec, tmp.resolve("one"), 1, Shard.ALL, false);
    SweepRunner.Result two = SweepFixtures.run(spec, tmp.resolve("two"), 2, Shard.ALL, false);
    assertEquals(18, one.counts().runs());
    assertEquals(0, one.counts().failed());
    for (String f : List.of("runs.csv", "points.csv", "runs.parquet", "points.parquet")) {
      assertEquals(
          Fixtures.sha256(one.directory().resolve(f)),
          Fixtures.sha256(two.directory().resolve(f)),
          f);
    }
    List<String> runs = lines(one.directory().resolve("runs.csv"));
    assertEquals(
        "point,replication,seed,mm,shock,totals.liquidations,badDebt,firstLiquidation,drawdown,status,reason,error",
        runs.get(0));
    assertEquals(1 + 18, runs.size());
    // 6 points x 4 metrics
    assertEquals(1 + 24, lines(one.directory().resolve("points.csv")).size());
  }

  @Test
  void test_run_commonRandomNumbersSameSeedForAReplicationAtEveryPoint() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 2, Shard.ALL, false).directory();
    List<String> rows = lines(dir.resolve("runs.csv"));
    List<String> seeds0 = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      List<String> c = Csv.parse(row);
      assertEquals(Long.toString(RunSeeds.runSeed(11, Integer.parseInt(c.get(1)))), c.get(2));
      if (c.get(0).equals("0")) {
        seeds0.add(c.get(2));
      }
    }
    assertEquals(3, seeds0.stream().distinct().count(), "replications differ from each other");
    // CRN: the ETH drawdown depends on the shock, not the margin; at equal shock and replication it
    // is the same price path whatever the maintenance margin, up to liquidation feedback. Points 0
    // and 2 (mm 0.02 and 0.05, shock -0.4) share their replication-0 seed:
    assertEquals(Csv.parse(rows.get(1)).get(2), Csv.parse(rows.get(1 + 2 * 3)).get(2));
  }

  @Test
  void test_merge_threeShardsEqualTheUnshardedSweep() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.SOBOL);
    Path whole = SweepFixtures.run(spec, tmp.resolve("whole"), 2, Shard.ALL, false).directory();
    List<Path> shards = new ArrayList<>();
    for (int k = 2; k >= 0; k--) { // any order
      SweepRunner.Result r =
          SweepFixtures.run(spec, tmp.resolve("shard" + k), 1, new Shard(k, 3), false);
      assertTrue(r.runs() == 10 || r.runs() == 11, "32 runs in shards of 10, 11, 11: " + r.runs());
      assertFalse(Files.exists(r.directory().resolve("sobol.csv")), "no indices from a slice");
      shards.add(r.directory());
    }
    Path merged = tmp.resolve("merged");
    SweepOutputs.Counts c = new SweepMerger(Catalog.standard()).merge(shards, merged, false);
    assertEquals(32, c.runs());
    for (String f :
        List.of("runs.csv", "points.csv", "sobol.csv", "runs.parquet", "points.parquet")) {
      assertEquals(Fixtures.sha256(whole.resolve(f)), Fixtures.sha256(merged.resolve(f)), f);
    }
    assertEquals(1 + 2 * 2, lines(whole.resolve("sobol.csv")).size(), "2 metrics x 2 parameters");
  }

  @Test
  void test_merge_refusesAMissingShard() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path s0 = SweepFixtures.run(spec, tmp.resolve("s0"), 1, new Shard(0, 2), false).directory();
    var e =
        assertThrows(
            org.marginfall.core.spec.InvalidSpecException.class,
            () -> new SweepMerger(Catalog.standard()).merge(List.of(s0), tmp.resolve("m"), false));
    assertEquals("shards [1] of 2 are missing", e.problems().get(0).message());
  }

  @Test
  void test_resume_killedAtAnyByteEndsLikeAnUninterruptedSweep() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path full = SweepFixtures.run(spec, tmp.resolve("full"), 2, Shard.ALL, false).directory();
    byte[] runs = Files.readAllBytes(full.resolve("runs.csv"));
    int header = Fixtures.read(full.resolve("runs.csv")).indexOf('\n') + 1;
    int[] cuts = {0, 10, header, header + 7, runs.length / 2, runs.length - 1, runs.length};
    for (int cut : cuts) {
      Path dir = tmp.resolve("killed-" + cut);
      // The state a kill leaves: the inputs, the unfinished manifest, a prefix of runs.csv and
      // perhaps a temporary file of the summary being written.
      Files.createDirectories(dir);
      for (String f : List.of("sweep.yaml", "scenario.yaml", "manifest.json")) {
        Files.copy(full.resolve(f), dir.resolve(f));
      }
      Files.write(dir.resolve("runs.csv"), java.util.Arrays.copyOf(runs, cut));
      Files.writeString(dir.resolve(".points.csv.tmp"), "point,half");
      SweepRunner.Result r = SweepFixtures.run(spec, dir, 2, Shard.ALL, true);
      for (String f : List.of("runs.csv", "points.csv", "runs.parquet")) {
        assertEquals(
            Fixtures.sha256(full.resolve(f)),
            Fixtures.sha256(dir.resolve(f)),
            f + " after a cut at " + cut);
      }
      try (Stream<Path> s = Files.list(dir)) {
        assertTrue(
            s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "leftovers removed");
      }
      long complete =
          Fixtures.read(full.resolve("runs.csv"))
              .substring(0, cut)
              .chars()
              .filter(ch -> ch == '\n')
              .count();
      assertEquals(Math.max(0, complete - 1), r.resumed(), "complete rows kept at cut " + cut);
    }
  }

  @Test
  void test_resume_refusesADifferentSweep() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 1, Shard.ALL, false).directory();
    SweepSpec other =
        SweepFixtures.spec(tmp.resolve("in2"), SweepFixtures.GRID.replace("seed: 11", "seed: 12"));
    var e =
        assertThrows(
            OutputDirectoryException.class,
            () -> SweepFixtures.run(other, dir, 1, Shard.ALL, true));
    assertTrue(e.getMessage().contains("holds a different sweep"), e.getMessage());
    var e2 =
        assertThrows(
            OutputDirectoryException.class,
            () -> SweepFixtures.run(spec, dir, 1, Shard.ALL, false));
    assertTrue(e2.getMessage().contains("use --resume"), e2.getMessage());
  }

  @Test
  void test_force_replacesAnEarlierSweepButNeverOtherFiles() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path thesis = Files.createDirectories(tmp.resolve("thesis"));
    Fixtures.write(thesis, "thesis.tex", "chapter one");
    var e = assertThrows(OutputDirectoryException.class, () -> SweepFixtures.force(spec, thesis));
    assertTrue(
        e.getMessage()
            .startsWith("--out " + thesis + ": holds files that are not a Marginfall output"),
        e.getMessage());
    assertEquals("chapter one", Fixtures.read(thesis.resolve("thesis.tex")));
    try (Stream<Path> s = Files.list(thesis)) {
      assertEquals(1, s.count(), "nothing added");
    }
    Path file = Fixtures.write(tmp, "notes.txt", "a file");
    var f = assertThrows(OutputDirectoryException.class, () -> SweepFixtures.force(spec, file));
    assertEquals("--out " + file + ": is a file, not a directory", f.getMessage());
    assertEquals("a file", Fixtures.read(file));
    // An interrupted sweep (its manifest is written first) is an earlier output: replaced.
    Path earlier = Files.createDirectories(tmp.resolve("earlier"));
    new SweepOutputs(spec).start(earlier, Shard.ALL);
    Files.writeString(earlier.resolve("runs.csv"), "half a row");
    assertEquals(18, SweepFixtures.force(spec, earlier).counts().runs());
  }

  @Test
  void test_merge_forceNeverReplacesOtherFiles() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path whole = SweepFixtures.run(spec, tmp.resolve("whole"), 1, Shard.ALL, false).directory();
    Path thesis = Files.createDirectories(tmp.resolve("thesis"));
    Fixtures.write(thesis, "thesis.tex", "chapter one");
    SweepMerger merger = new SweepMerger(Catalog.standard());
    var e =
        assertThrows(
            OutputDirectoryException.class, () -> merger.merge(List.of(whole), thesis, true));
    assertTrue(
        e.getMessage().contains("holds files that are not a Marginfall output"), e.getMessage());
    assertEquals(List.of(thesis.resolve("thesis.tex")), Files.list(thesis).toList());
    Path merged = tmp.resolve("merged");
    merger.merge(List.of(whole), merged, false);
    var again =
        assertThrows(
            OutputDirectoryException.class, () -> merger.merge(List.of(whole), merged, false));
    assertEquals(
        "--out " + merged + ": exists and is not empty (use --force to replace it)",
        again.getMessage());
    assertEquals(18, merger.merge(List.of(whole), merged, true).runs());
  }

  @Test
  void test_run_invalidPointIsAFailedRowAndTheSweepGoesOn() throws IOException {
    // maintenanceMargin 0.2 is above the venue's initialMargin 0.1: the reader rejects that point.
    String sweep = SweepFixtures.GRID.replace("values: [0.02, 0.05, 0.08]", "values: [0.05, 0.2]");
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), sweep);
    SweepRunner.Result r = SweepFixtures.run(spec, tmp.resolve("out"), 2, Shard.ALL, false);
    assertEquals(12, r.counts().runs());
    assertEquals(6, r.counts().failed(), "2 points with mm 0.2 x 3 replications");
    assertEquals(6L, r.counts().byReason().get(FailureReason.INVALID_SCENARIO));
    List<String> rows = lines(r.directory().resolve("runs.csv"));
    List<String> bad = Csv.parse(rows.get(1 + 6));
    assertEquals("2", bad.get(0));
    assertEquals("failed", bad.get(9));
    assertEquals("INVALID_SCENARIO", bad.get(10));
    assertTrue(
        bad.get(11)
            .contains("venues[0].maintenanceMargin: must be below initialMargin (0.1), was 0.2"),
        bad.get(11));
    assertEquals("", bad.get(5), "no metrics for a failed run");
    assertTrue(!bad.get(2).isEmpty(), "the seed is recorded");
    String points = Fixtures.read(r.directory().resolve("points.csv"));
    assertTrue(points.contains("\n2,0.2,-0.4,totals.liquidations,3,3,0,"), points);
  }

  @Test
  void test_run_parquetHoldsTheSameRows() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 2, Shard.ALL, false).directory();
    List<String> rows = lines(dir.resolve("runs.csv"));
    List<Group> groups = readGroups(dir.resolve("runs.parquet"));
    {
      int i = 1;
      for (Group g : groups) {
        List<String> c = Csv.parse(rows.get(i));
        assertEquals(Long.parseLong(c.get(0)), g.getLong("point", 0));
        assertEquals(Long.parseLong(c.get(2)), g.getLong("seed", 0));
        assertEquals(Double.parseDouble(c.get(3)), g.getDouble("mm", 0));
        assertEquals(Double.parseDouble(c.get(5)), g.getDouble("totals.liquidations", 0));
        assertEquals(
            c.get(7).isEmpty(),
            g.getFieldRepetitionCount("firstLiquidation") == 0,
            "null where the CSV is empty");
        assertEquals("ok", g.getString("status", 0));
        i++;
      }
      assertEquals(rows.size(), i);
    }
    assertNotEquals(0, Files.size(dir.resolve("points.parquet")));
  }

  @Test
  void test_run_parquetEmptyCellsAreNullsAndTheWriterNamesItsModel() throws IOException {
    // mm 0.2 is invalid: points 2 and 3 are failed rows with a reason and an error, the others ok
    // rows without.
    String sweep =
        SweepFixtures.GRID
            .replace("values: [0.02, 0.05, 0.08]", "values: [0.05, 0.2]")
            .replace("replications: 3", "replications: 1");
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), sweep);
    Path dir = SweepFixtures.run(spec, tmp.resolve("out"), 1, Shard.ALL, false).directory();
    List<Group> groups = readGroups(dir.resolve("runs.parquet"));
    assertEquals(4, groups.size());
    for (Group g : groups) {
      boolean ok = g.getString("status", 0).equals("ok");
      assertEquals(
          ok ? 0 : 1, g.getFieldRepetitionCount("reason"), "reason is null exactly for ok runs");
      assertEquals(
          ok ? 0 : 1, g.getFieldRepetitionCount("error"), "error is null exactly for ok runs");
      assertEquals(ok ? 1 : 0, g.getFieldRepetitionCount("totals.liquidations"));
    }
    assertEquals("INVALID_SCENARIO", groups.get(2).getString("reason", 0));
    for (String f : List.of("runs.parquet", "points.parquet")) {
      try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(dir.resolve(f)))) {
        assertEquals(
            java.util.Map.of("writer.model.name", "marginfall"),
            reader.getFooter().getFileMetaData().getKeyValueMetaData(),
            f);
      }
    }
  }

  @Test
  void test_run_metricsOnDerivedAssetsAreCollected() throws IOException {
    SweepSpec spec = SweepFixtures.lendingSpec(tmp.resolve("in"), SweepFixtures.DERIVED);
    SweepRunner.Result r = SweepFixtures.run(spec, tmp.resolve("out"), 1, Shard.ALL, false);
    List<String> rows = lines(r.directory().resolve("runs.csv"));
    assertEquals(0, r.counts().failed(), String.join("\n", rows));
    assertEquals(
        "point,replication,seed,shock,aethDrawdown,ausdFinal,ethDrawdown,status,reason,error",
        rows.get(0));
    List<String> crash = Csv.parse(rows.get(1)); // shock -0.3
    assertTrue(Double.parseDouble(crash.get(4)) > 0, "the ETH receipt falls with ETH: " + crash);
    assertTrue(Double.parseDouble(crash.get(5)) > 0, "the USD receipt has a price: " + crash);
  }

  @Test
  void test_resume_killedBeforeTheManifestEndsLikeAnUninterruptedSweep() throws IOException {
    SweepSpec spec =
        SweepFixtures.spec(
            tmp.resolve("in"), SweepFixtures.GRID.replace("replications: 3", "replications: 1"));
    Path full = SweepFixtures.run(spec, tmp.resolve("full"), 1, Shard.ALL, false).directory();
    // What a kill can leave before manifest.json exists: the input copies are written first, each
    // through a hidden temporary file renamed into place.
    List<List<String>> states =
        List.of(
            List.of(".sweep.yaml.tmp"),
            List.of("sweep.yaml"),
            List.of("sweep.yaml", ".scenario.yaml.tmp"),
            List.of("sweep.yaml", "scenario.yaml"),
            List.of("sweep.yaml", "scenario.yaml", ".manifest.json.tmp"));
    for (List<String> state : states) {
      Path dir = tmp.resolve("killed-" + states.indexOf(state));
      Files.createDirectories(dir);
      for (String f : state) {
        if (f.startsWith(".")) {
          Files.writeString(dir.resolve(f), "half");
        } else {
          Files.copy(full.resolve(f), dir.resolve(f));
        }
      }
      SweepRunner.Result r = SweepFixtures.run(spec, dir, 1, new Shard(0, 1), true);
      assertEquals(0, r.resumed(), state.toString());
      for (String f :
          List.of(
              "runs.csv",
              "points.csv",
              "runs.parquet",
              "points.parquet",
              "manifest.json",
              "sweep.yaml",
              "scenario.yaml")) {
        assertEquals(
            Fixtures.sha256(full.resolve(f)),
            Fixtures.sha256(dir.resolve(f)),
            f + " after a kill leaving " + state);
      }
      try (Stream<Path> s = Files.list(dir)) {
        assertTrue(
            s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "leftovers removed");
      }
    }
  }

  @Test
  void test_resume_withoutAManifestRefusesAnotherSweepOrForeignFiles() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.GRID);
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(
        other.resolve("sweep.yaml"), SweepFixtures.GRID.replace("seed: 11", "seed: 12"));
    var e =
        assertThrows(
            OutputDirectoryException.class,
            () -> SweepFixtures.run(spec, other, 1, Shard.ALL, true));
    assertTrue(e.getMessage().contains("holds a different sweep"), e.getMessage());
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    var e2 =
        assertThrows(
            OutputDirectoryException.class,
            () -> SweepFixtures.run(spec, foreign, 1, Shard.ALL, true));
    assertTrue(
        e2.getMessage()
            .contains(
                "holds no sweep to resume (no manifest.json, and notes.txt is not a file a sweep"
                    + " writes before it)"),
        e2.getMessage());
    try (Stream<Path> s = Files.list(foreign)) {
      assertEquals(
          List.of("notes.txt"), s.map(p -> p.getFileName().toString()).toList(), "left alone");
    }
  }

  /**
   * Every row of a Parquet file, through parquet's column reader (no Hadoop input format needed).
   */
  private static List<Group> readGroups(Path file) throws IOException {
    List<Group> out = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          out.add(records.read());
        }
      }
    }
    return out;
  }
}
