package org.marginfall.experiments.run;

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
}
