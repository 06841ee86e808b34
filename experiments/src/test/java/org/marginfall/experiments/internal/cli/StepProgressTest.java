package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.experiments.Fixtures.cli;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.write;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.experiments.Fixtures.CliResult;

/** A run's progress: on a terminal once the run has taken a second; never elsewhere. */
class StepProgressTest {

  @TempDir Path tmp;

  private final AtomicLong now = new AtomicLong();
  private final StringWriter text = new StringWriter();
  private final StepProgress progress = new StepProgress(new PrintWriter(text), now::get);

  @Test
  void test_progress_showsTicksRateAndTimeLeftAfterASecond() {
    progress.onStart(
        new RunStart(new RunSettings(1000, 60, 5, 1), 0, AssetId.of("USD"), List.of()));
    step(0, 100_000_000L);
    step(100, 900_000_000L);
    assertEquals("", text.toString(), "nothing during the first second: a short run shows nothing");

    // 400 of 1000 ticks after 2 s: 200 ticks/s, 600 left -> 3 s.
    step(400, 2_000_000_000L);
    step(401, 2_001_000_000L); // throttled: at most five redraws a second
    progress.close();

    assertEquals(
        "\r["
            + "#".repeat(12)
            + " ".repeat(18)
            + "] 400/1000 steps (40%), 200.00 steps/s, elapsed 2s, ETA 3s"
            + System.lineSeparator(),
        text.toString());
  }

  @Test
  void test_progress_closingAShortRunWritesNothing() {
    progress.onStart(new RunStart(new RunSettings(10, 60, 5, 1), 0, AssetId.of("USD"), List.of()));
    step(10, 500_000_000L);
    progress.close();

    assertEquals("", text.toString());
  }

  @Test
  void test_run_noProgressWhenNotATerminal() {
    // Under the test runner standard error is no terminal (System.console() is null), as in CI.
    Path file = write(tmp, "scenario.yaml", minimalYaml());

    CliResult r =
        cli("run", file.toString(), "--out", tmp.resolve("run").toString(), "--no-report");

    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
  }

  private void step(long step, long at) {
    now.set(at);
    progress.onStep(new StepRecord(step, step * 60.0, List.of(), List.of(), List.of()));
  }
}
