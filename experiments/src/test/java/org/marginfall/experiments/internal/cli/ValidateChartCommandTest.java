package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/** {@code marginfall validate-chart}: the PNGs on good input, one line and exit 2 on bad. */
class ValidateChartCommandTest {

  @TempDir Path tmp;

  private static final String POINTS =
      """
      point,z,metric,runs,failed,n,mean,sd,ci95_low,ci95_high
      0,3.0,contagion,10,0,10,0.8,0.42,0.5,1.0
      0,3.0,extent,10,0,8,0.94,0.01,0.93,0.95
      """;

  private Path points(String text) throws IOException {
    Path file = tmp.resolve("points.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void test_gaiKapadia_writesBothPngs() throws IOException {
    Path out = tmp.resolve("img");
    CliResult r =
        cli(
            "validate-chart",
            "gai-kapadia",
            "--points",
            points(POINTS).toString(),
            "--out",
            "" + out);
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.size(out.resolve("gai-kapadia-frequency.png")) > 1000);
    assertTrue(Files.size(out.resolve("gai-kapadia-extent.png")) > 1000);
  }

  @Test
  void test_badCell_oneLineExit2NothingWritten() throws IOException {
    Path file = points(POINTS.replace("0.93,0.95", "0.93,high"));
    Path out = tmp.resolve("img");
    CliResult r = cli("validate-chart", "gai-kapadia", "--points", "" + file, "--out", "" + out);
    assertEquals(2, r.exit());
    assertEquals(
        List.of("error: " + file + " line 3, column 10 (ci95_high): 'high' is not a finite number"),
        r.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void test_unknownModelAndMissingFile_exit2() {
    CliResult model =
        cli("validate-chart", "caccioli", "--points", "p.csv", "--out", tmp.toString());
    assertEquals(2, model.exit());
    assertEquals(
        List.of(
            "error: MODEL: unknown model 'caccioli'; the one with an analytic curve: gai-kapadia"),
        model.errLines());
    Path missing = tmp.resolve("none.csv");
    CliResult file = cli("validate-chart", "gai-kapadia", "--points", "" + missing, "--out", "o");
    assertEquals(2, file.exit());
    assertEquals(List.of("error: " + missing + ": file not found"), file.errLines());
  }
}
