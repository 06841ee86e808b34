package org.marginfall.agents.snapshot;

/**
 * What a snapshot population does with rows that do not fit: refuse to start, or skip them and
 * count them.
 */
public enum OnInvalidRow {
  /** The run does not start; every invalid row is reported with its file and line. */
  REFUSE,
  /**
   * Invalid rows are left out, each recorded as a {@link RowSkipped} event and counted in the
   * summary.
   */
  SKIP
}
