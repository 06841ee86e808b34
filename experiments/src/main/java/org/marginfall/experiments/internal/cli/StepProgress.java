package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.experiments.internal.run.RunWatcher;
import org.marginfall.experiments.internal.sweep.Progress;

/**
 * One run's progress on a terminal: ticks done, rate and time left, redrawn in place on standard
 * error as a sweep's progress is ({@link Progress}), but only once the run has taken a second, so a
 * short run shows nothing. Not thread-safe: the run's thread calls it.
 */
final class StepProgress implements RunWatcher.Display {

  /** How long a run goes before its progress shows, in nanoseconds. */
  static final long DELAY = 1_000_000_000L;

  private final PrintWriter err;
  private final LongSupplier nanos;
  private Progress progress;
  private long started;

  StepProgress(PrintWriter err, LongSupplier nanos) {
    this.err = err;
    this.nanos = nanos;
  }

  @Override
  public void onStart(RunStart start) {
    started = nanos.getAsLong();
    progress = Progress.ofSteps(err, true, nanos, start.settings().steps());
  }

  @Override
  public void onStep(StepRecord record) {
    if (progress != null && nanos.getAsLong() - started >= DELAY) {
      progress.update(record.step(), 0);
    }
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
    }
  }
}
