package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void test_line_rateAndEtaCountOnlyThisSessionsRuns() {
    // 100 runs, 10 found done on resume; 20 s later 50 are done: 40 runs in 20 s = 2 runs/s,
    // 50 left -> ETA 25 s. On a terminal the 30-character bar is half full (15 '#').
    AtomicLong now = new AtomicLong(0);
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), true, now::get, 100, 10);
    now.set(20_000_000_000L);
    assertEquals(
        "["
            + "#".repeat(15)
            + " ".repeat(15)
            + "] 50/100 runs (50%), 3 failed, 2.00 runs/s, elapsed 20s, ETA 25s",
        p.line(50, 3, now.get()));
  }

  @Test
  void test_update_plainLinesAtMostEveryTenSecondsWhenNotATerminal() {
    AtomicLong now = new AtomicLong(0);
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), false, now::get, 4, 0);
    p.update(0, 0);
    now.set(5_000_000_000L);
    p.update(1, 0); // throttled
    now.set(11_000_000_000L);
    p.update(2, 0);
    now.set(12_000_000_000L);
    p.update(4, 0); // the last one always shows
    assertEquals(3, text.toString().lines().count(), text.toString());
    assertEquals(
        "4/4 runs (100%), 0 failed, 0.33 runs/s, elapsed 12s, ETA 0s",
        text.toString().lines().toList().get(2));
    assertEquals("1h01m05s", Progress.duration(3665));
  }

  @Test
  void test_ofSteps_countsTicksWithoutFailures() {
    // A run of 1000 ticks, 400 done after 2 s: 200 ticks/s, 600 left -> ETA 3 s.
    AtomicLong now = new AtomicLong(0);
    Progress p = Progress.ofSteps(new PrintWriter(new StringWriter()), true, now::get, 1000);
    assertEquals(
        "["
            + "#".repeat(12)
            + " ".repeat(18)
            + "] 400/1000 steps (40%), 200.00 steps/s, elapsed 2s, ETA 3s",
        p.line(400, 0, 2_000_000_000L));
  }
}
