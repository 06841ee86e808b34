package org.marginfall.experiments.cli;

import java.io.PrintWriter;
import org.marginfall.experiments.run.RunWatcher;

/** Tells the person at the command line about a run: notes on standard error. Not thread-safe. */
final class ConsoleWatcher implements RunWatcher {

  private final PrintWriter err;

  ConsoleWatcher(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void note(String line) {
    err.println("note: " + line);
    err.flush();
  }
}
