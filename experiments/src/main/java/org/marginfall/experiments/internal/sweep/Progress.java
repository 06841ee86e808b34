package org.marginfall.experiments.internal.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports a sweep's progress (runs done and failed) or one run's ({@link #ofSteps}: ticks done): on
 * a terminal, one line redrawn in place (a bar, the count, rate and ETA) at most five times a
 * second; elsewhere (a log file, a Slurm job) a plain line every ten seconds. Wall time comes from
 * the injected nanosecond clock and is used for nothing else. Mutable and not thread-safe: one
 * sweep's driver thread, or one run's thread, calls it.
 */
public final class Progress {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final long total;
  private final long alreadyDone;
  private final long started;
  private final long interval;
  private final String unit;
  private long last = Long.MIN_VALUE;
  private boolean drawn;
  private int width;

  /**
   * Creates a reporter.
   *
   * @param total runs in this shard
   * @param alreadyDone runs found done when resuming (not counted in the rate)
   */
  public Progress(
      PrintWriter out, boolean terminal, LongSupplier nanos, long total, long alreadyDone) {
    this(out, terminal, nanos, total, alreadyDone, "runs");
  }

  private Progress(
      PrintWriter out,
      boolean terminal,
      LongSupplier nanos,
      long total,
      long alreadyDone,
      String unit) {
    this.out = out;
    this.terminal = terminal;
    this.nanos = nanos;
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.started = nanos.getAsLong();
    this.interval = terminal ? 200_000_000L : 10_000_000_000L;
    this.unit = unit;
  }

  /** A reporter of one run's {@code total} ticks, which has no failures to count. */
  public static Progress ofSteps(
      PrintWriter out, boolean terminal, LongSupplier nanos, long total) {
    return new Progress(out, terminal, nanos, total, 0, "steps");
  }

  /** Reports {@code done} runs finished, {@code failed} of them failed; throttled. */
  public void update(long done, long failed) {
    long now = nanos.getAsLong();
    if (last != Long.MIN_VALUE && now - last < interval && done < total) {
      return;
    }
    last = now;
    String text = line(done, failed, now);
    if (terminal) {
      // pad over the end of a longer previous line
      out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
      width = text.length();
      drawn = true;
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** Ends the in-place line, if any. */
  public void close() {
    if (drawn) {
      out.println();
      out.flush();
    }
  }

  String line(long done, long failed, long now) {
    double seconds = (now - started) / 1e9;
    long session = done - alreadyDone;
    double rate = seconds > 0 ? session / seconds : 0;
    String eta = rate > 0 ? duration((total - done) / rate) : "--";
    int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
    String bar = terminal ? "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " : "";
    String failures = unit.equals("runs") ? ", " + failed + " failed" : "";
    return String.format(
        Locale.ROOT,
        "%s%d/%d %s (%.0f%%)%s, %.2f %s/s, elapsed %s, ETA %s",
        bar,
        done,
        total,
        unit,
        total == 0 ? 100.0 : 100.0 * done / total,
        failures,
        rate,
        unit,
        duration(seconds),
        eta);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
