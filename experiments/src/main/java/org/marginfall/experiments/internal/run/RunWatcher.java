package org.marginfall.experiments.internal.run;

import org.marginfall.core.metric.RunListener;

/**
 * What a person waiting for a run is told while {@link RunDirectoryWriter} writes its directory.
 * {@link #QUIET} tells no one (sweeps, tests). Implementations are called from the writing thread.
 */
public interface RunWatcher {

  /** Tells nothing. */
  RunWatcher QUIET = new RunWatcher() {};

  /**
   * One line about the output directory's surroundings, e.g. temporary directories of killed runs
   * removed or found.
   */
  default void note(String line) {}

  /**
   * A new display of one run's progress (each run gets its own, a counterfactual twin too): a
   * listener attached after every other, closed as soon as the simulation ends, however it ends.
   */
  default Display progress() {
    return Display.NONE;
  }

  /** A run's progress display. */
  interface Display extends RunListener, AutoCloseable {

    /** Shows nothing. */
    Display NONE = new Display() {};

    /** Ends the display. */
    @Override
    default void close() {}
  }
}
