package org.marginfall.core.metric;

import org.marginfall.core.event.SimEvent;

/**
 * Consumes what a run produces, as it produces it: events as they happen and one record per tick.
 *
 * <p>Recorders (CSV, JSONL, summaries) are listeners, so output streams to disk and memory stays
 * flat. Implementations belong to one run and need not be thread-safe.
 */
public interface RunListener {

  /** Called once before set-up. */
  default void onStart(RunStart start) {}

  /** Called for every event. */
  default void onEvent(SimEvent event) {}

  /** Called at the end of set-up (step 0) and of every tick. */
  default void onStep(StepRecord record) {}

  /** Called once after the last tick. */
  default void onFinish() {}

  /** A listener that ignores everything. */
  static RunListener none() {
    return new RunListener() {};
  }
}
