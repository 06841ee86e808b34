package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;

/**
 * {@code marginfall report}: regenerates run and sweep reports, refuses anything else with exit 2.
 */
class ReportCommandTest {

  @TempDir Path temp;

  @Test
  void test_report_regeneratesARunDirectory() throws Exception {
    Path run = temp.resolve("run");
    CliResult ran = cli("run", Fixtures.example().toString(), "--out", run.toString());
    assertEquals(0, ran.exit(), ran.err());
    // The run copies its scenario for the report's model description.
    assertTrue(Files.isRegularFile(run.resolve("scenario.yaml")));
    String before = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
    Files.delete(run.resolve("report.html"));
    Files.delete(run.resolve("report.pdf"));

    CliResult r = cli("report", run.toString());

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("of the run report in"), r.out());
    String after = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(Files.size(run.resolve("report.pdf")) > 0);
    assertTrue(Files.isRegularFile(run.resolve("tables/odd-parameters.csv")));
    String timeLine = "Generated at [0-9TZ:-]+";
    assertEquals(before.replaceAll(timeLine, ""), after.replaceAll(timeLine, ""));
  }

  @Test
  void test_report_regeneratesASweepDirectory() throws Exception {
    Path sweep = Files.createDirectories(temp.resolve("sweep"));
    Files.writeString(
        sweep.resolve("runs.csv"),
        """
        point,replication,seed,mm,badDebt,status,reason,error
        0,0,1,0.01,10.0,ok,,
        0,1,2,0.01,20.0,ok,,
        1,0,1,0.02,0.0,ok,,
        1,1,2,0.02,,failed,MODEL_ERROR,boom
        """);
    Files.writeString(
        sweep.resolve("points.csv"),
        """
        point,mm,metric,runs,failed,n,mean,sd,ci95_low,ci95_high,min,q05,q25,q50,q75,q95,max,share_positive
        0,0.01,badDebt,2,0,2,15.0,7.0710678,-48.5,78.5,10.0,,,,,,20.0,1.0
        1,0.02,badDebt,2,1,1,0.0,,,,0.0,,,,,,0.0,0.0
        """);
    Files.writeString(
        sweep.resolve("manifest.json"),
        """
        {"software": {"name": "marginfall", "version": "0.1.0-SNAPSHOT", "gitCommit": "abc"},
         "sweep": {"name": "tiny"}, "design": {"type": "grid", "points": 2},
         "parameters": [{"name": "mm", "path": "venues[0].maintenanceMargin"}],
         "metrics": [{"name": "badDebt", "path": "totals.badDebt"}], "seed": 1, "replications": 2}
        """);

    CliResult r = cli("report", sweep.toString());

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("of the sweep report in"), r.out());
    for (String f :
        new String[] {
          "report.html",
          "report.pdf",
          "charts/sweep-badDebt-vs-mm.png",
          "charts/loss-badDebt.svg",
          "tables/risk.csv",
          "tables/risk.tex"
        }) {
      assertTrue(Files.isRegularFile(sweep.resolve(f)), f);
    }
  }

  @Test
  void test_report_neitherRunNorSweepIsBadInputInOneLine() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    for (Path dir : new Path[] {empty, temp.resolve("missing")}) {
      CliResult r = cli("report", dir.toString());

      assertEquals(2, r.exit());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(
          r.errLines().get(0).startsWith("error: " + dir + " is neither a run directory"), r.err());
      assertFalse(Files.exists(dir.resolve("report.html")));
    }
  }

  @Test
  void test_report_malformedSweepIsBadInputInOneLine() throws Exception {
    Path sweep = Files.createDirectories(temp.resolve("sweep"));
    Files.writeString(sweep.resolve("runs.csv"), "point,status\n0,ok\n");
    Files.writeString(sweep.resolve("points.csv"), "point\n0\n");
    Files.writeString(sweep.resolve("manifest.json"), "{\"metrics\": []}");

    CliResult r = cli("report", sweep.toString());

    assertEquals(2, r.exit());
    assertEquals(List.of("error: manifest.json: metrics: expected a non-empty list"), r.errLines());
  }
}
