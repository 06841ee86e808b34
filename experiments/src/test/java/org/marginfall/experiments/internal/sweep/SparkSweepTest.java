package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;

/**
 * The Spark runner in local mode writes the files of the local runner, whole, sharded and resumed.
 */
class SparkSweepTest {

  @TempDir Path tmp;

  @Test
  void test_run_sparkLocalModeWritesTheLocalRunnersFiles() throws IOException {
    SweepSpec spec = SweepFixtures.spec(tmp.resolve("in"), SweepFixtures.SOBOL);
    Path local = SweepFixtures.run(spec, tmp.resolve("local"), 2, Shard.ALL, false).directory();
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("marginfall-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      // 32 runs in tasks of 3 runs, waves of 4 tasks: 3 waves, the last one short.
      SweepOutputs.Counts c =
          SparkSweep.run(
              spark,
              spec,
              new SweepRunner.Options(tmp.resolve("spark"), 1, Shard.ALL, false, false, false),
              3,
              4,
              quiet);
      assertEquals(32, c.runs());
      for (String f :
          List.of("runs.csv", "points.csv", "sobol.csv", "runs.parquet", "points.parquet")) {
        assertEquals(
            Fixtures.sha256(local.resolve(f)), Fixtures.sha256(tmp.resolve("spark").resolve(f)), f);
      }
      // Killed after 7 rows and a torn eighth, then resumed on Spark.
      Path killed = tmp.resolve("killed");
      Files.createDirectories(killed);
      for (String f : List.of("sweep.yaml", "scenario.yaml", "manifest.json")) {
        Files.copy(local.resolve(f), killed.resolve(f));
      }
      List<String> lines = Files.readAllLines(local.resolve("runs.csv"));
      Files.writeString(
          killed.resolve("runs.csv"),
          String.join("\n", lines.subList(0, 8)) + "\n" + lines.get(8).substring(0, 5));
      SparkSweep.run(
          spark,
          spec,
          new SweepRunner.Options(killed, 1, Shard.ALL, true, false, false),
          5,
          2,
          quiet);
      assertEquals(
          Fixtures.sha256(local.resolve("runs.csv")), Fixtures.sha256(killed.resolve("runs.csv")));
      assertEquals(
          Fixtures.sha256(local.resolve("sobol.csv")),
          Fixtures.sha256(killed.resolve("sobol.csv")));
    }
  }
}
