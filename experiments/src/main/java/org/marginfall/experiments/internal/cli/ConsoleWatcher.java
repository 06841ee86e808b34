package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import org.marginfall.experiments.internal.run.RunWatcher;

/**
 * Tells the person at the command line about a run, on standard error: notes always, progress only
 * on a terminal (never into a log file, a CI log or a test). Not thread-safe.
 */
final class ConsoleWatcher implements RunWatcher {

  private final PrintWriter err;
  private final boolean terminal;

  ConsoleWatcher(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void note(String line) {
    err.println("note: " + line);
    err.flush();
  }

  @Override
  public Display progress() {
    return terminal ? new StepProgress(err, System::nanoTime) : Display.NONE;
  }
}
