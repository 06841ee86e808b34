package org.marginfall.experiments.internal.sweep;

/**
 * Why a run of a sweep failed, as written in the {@code reason} column of {@code runs.csv}.
 * Immutable and thread-safe.
 */
public enum FailureReason {
  /**
   * The point's values make the scenario invalid (the reader's field-path problems are the error).
   */
  INVALID_SCENARIO,
  /** An audited invariant (conservation, finiteness, a venue's books) broke during the run. */
  INVARIANT_BROKEN,
  /** Arithmetic failed (overflow, division by zero) or a collected metric is not finite. */
  NUMERICAL,
  /** Any other exception inside the model. */
  ERROR
}
