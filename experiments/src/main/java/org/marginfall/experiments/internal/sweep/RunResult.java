package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one run of a sweep: one row of {@code runs.csv}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param point the point's id
 * @param replication the replication index
 * @param seed the run's master seed
 * @param reason why it failed, or null when it succeeded
 * @param error the failure's message (empty on success)
 * @param metrics one value per metric in sweep order; null where the summary has none (e.g. no
 *     liquidation, so no first liquidation step) and for every metric of a failed run
 */
public record RunResult(
    int point,
    int replication,
    long seed,
    FailureReason reason,
    String error,
    List<Double> metrics) {

  /** Validates the fields. */
  public RunResult {
    Objects.requireNonNull(error, "error");
    metrics = Collections.unmodifiableList(new ArrayList<>(metrics));
  }

  /** Whether the run succeeded. */
  public boolean ok() {
    return reason == null;
  }

  /** A failed run with no metrics. */
  public static RunResult failed(
      int point, int replication, long seed, FailureReason reason, String error, int metricCount) {
    return new RunResult(
        point, replication, seed, reason, error, Collections.nCopies(metricCount, (Double) null));
  }
}
