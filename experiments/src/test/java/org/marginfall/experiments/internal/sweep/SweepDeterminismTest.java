package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * The same sweep and seeds give byte-identical tables whatever the thread count, the shard split,
 * the point a kill interrupted it, or the process that wrote them.
 */
class SweepDeterminismTest {

  private static final List<String> TABLES =
      List.of("runs.csv", "points.csv", "runs.parquet", "points.parquet");

  @TempDir Path tmp;

  /**
   * The state a kill leaves: the inputs, the manifest, {@code cut} bytes of runs.csv, a
   * half-written summary.
   */
  private Path killed(Path finished, String name, double cut) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String f : List.of("sweep.yaml", "scenario.yaml", "manifest.json")) {
      Files.copy(finished.resolve(f), dir.resolve(f));
    }
    byte[] runs = Files.readAllBytes(finished.resolve("runs.csv"));
    Files.write(dir.resolve("runs.csv"), Arrays.copyOf(runs, (int) (runs.length * cut)));
    Files.writeString(dir.resolve(".runs.parquet.tmp"), "PAR1 half");
    return dir;
  }

  private static void assertSameBytes(Path expected, Path actual, List<String> files, String what) {
    for (String f : files) {
      assertEquals(
          Fixtures.sha256(expected.resolve(f)), Fixtures.sha256(actual.resolve(f)), f + " " + what);
    }
  }

  @Test
  void test_sweep_sameBytesUnshardedMergedAndResumed() throws IOException {
    // 4 base samples x (2 + 2) points, 1 replication: 16 runs
    SweepSpec spec =
        SweepFixtures.spec(
            tmp.resolve("in"), SweepFixtures.SOBOL.replace("replications: 2", "replications: 1"));
    Path whole = SweepFixtures.run(spec, tmp.resolve("whole"), 2, Shard.ALL, false).directory();
    List<String> all = new ArrayList<>(TABLES);
    all.add("sobol.csv");

    Path resumed = killed(whole, "resumed", 0.4);
    SweepFixtures.run(spec, resumed, 1, Shard.ALL, true);
    assertSameBytes(whole, resumed, all, "of a sweep killed and resumed");
    assertSameBytes(whole, resumed, List.of("manifest.json"), "of a sweep killed and resumed");

    Path s0 = SweepFixtures.run(spec, tmp.resolve("s0"), 1, new Shard(0, 2), false).directory();
    Path s1 = SweepFixtures.run(spec, tmp.resolve("s1"), 2, new Shard(1, 2), false).directory();
    Path s1Resumed = killed(s1, "s1-resumed", 0.7);
    SweepFixtures.run(spec, s1Resumed, 2, new Shard(1, 2), true);
    List<String> shardFiles = new ArrayList<>(TABLES);
    shardFiles.add("manifest.json");
    assertSameBytes(s1, s1Resumed, shardFiles, "of a shard killed and resumed");

    Path merged = tmp.resolve("merged");
    new SweepMerger(Catalog.standard()).merge(List.of(s1Resumed, s0), merged, false);
    assertSameBytes(whole, merged, all, "of 2 shards merged");
  }

  /**
   * Writes the summary files of the sweep directory {@code args[0]} from its runs.csv, in a JVM of
   * its own.
   */
  public static final class FinishInAnotherJvm {
    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      new SweepOutputs(new SweepMerger(Catalog.standard()).specOf(dir)).finish(dir, Shard.ALL, 1);
    }
  }

  @Test
  void test_outputs_sameBytesWrittenByAnotherProcess() throws IOException, InterruptedException {
    SweepSpec spec =
        SweepFixtures.spec(
            tmp.resolve("in"), SweepFixtures.GRID.replace("replications: 3", "replications: 1"));
    Path here = SweepFixtures.run(spec, tmp.resolve("here"), 1, Shard.ALL, false).directory();
    Path there = Files.createDirectories(tmp.resolve("there"));
    for (String f : List.of("sweep.yaml", "scenario.yaml", "manifest.json", "runs.csv")) {
      Files.copy(here.resolve(f), there.resolve(f));
    }
    // Another JVM, in which every identity hash code is the same: a HashSet of enum constants
    // iterates in insertion order there, and in the order of their per-process hash codes here.
    Path log = tmp.resolve("there.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:hashCode=2",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FinishInAnotherJvm.class.getName(),
                there.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the other JVM finishes");
    assertEquals(0, p.exitValue(), Fixtures.read(log));
    assertSameBytes(here, there, TABLES, "written by another JVM");
    for (String f : List.of("runs.parquet", "points.parquet")) {
      for (Path dir : List.of(here, there)) {
        for (RowGroup g : footer(dir.resolve(f)).getRow_groups()) {
          for (ColumnChunk c : g.getColumns()) {
            List<Encoding> encodings = c.getMeta_data().getEncodings();
            List<Encoding> sorted =
                encodings.stream()
                    .sorted((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                    .toList();
            assertEquals(
                sorted,
                encodings,
                "encodings in ascending order: "
                    + dir.resolve(f)
                    + " "
                    + c.getMeta_data().getPath_in_schema());
          }
        }
      }
    }
  }

  /** The Thrift footer of a Parquet file, as written. */
  private static FileMetaData footer(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(b, b.length - 8 - length, length));
  }
}
