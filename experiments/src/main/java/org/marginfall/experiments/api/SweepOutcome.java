package org.marginfall.experiments.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * What a sweep produced, as values: every run's metrics and every point's statistics, the content
 * of {@code runs.csv} and {@code points.csv} (docs/experiments.md). Immutable and thread-safe.
 *
 * @param name the sweep's name
 * @param parameters the parameters' names, in plan order
 * @param metrics the metrics' names, in plan order
 * @param points the design's points, in order
 */
public record SweepOutcome(
    String name, List<String> parameters, List<String> metrics, List<PointOutcome> points) {

  /**
   * Validates the fields.
   *
   * @param name the sweep's name
   * @param parameters the parameters' names, in plan order
   * @param metrics the metrics' names, in plan order
   * @param points the design's points, in order
   */
  public SweepOutcome {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    metrics = List.copyOf(metrics);
    points = List.copyOf(points);
  }

  /**
   * One point of the design.
   *
   * @param id the point's index, from 0
   * @param values the parameters' values, by parameter name in plan order
   * @param runs its replications, in order
   * @param statistics each metric's statistics over the successful runs, by metric name (as {@code
   *     points.csv}: n, mean, sd, bootstrap 95% interval, quantiles, share above zero)
   */
  public record PointOutcome(
      int id,
      Map<String, Object> values,
      List<SweepRun> runs,
      Map<String, MetricStatistics> statistics) {

    /**
     * Validates the fields.
     *
     * @param id the point's index, from 0
     * @param values the parameters' values, by parameter name in plan order
     * @param runs its replications, in order
     * @param statistics each metric's statistics over the successful runs, by metric name (as
     *     {@code points.csv}: n, mean, sd, bootstrap 95% interval, quantiles, share above zero)
     */
    public PointOutcome {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
      runs = List.copyOf(runs);
      statistics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statistics));
    }
  }

  /**
   * One run of a sweep: a row of {@code runs.csv}.
   *
   * @param point the point's id
   * @param replication the replication, from 0
   * @param seed the run's master seed
   * @param failure why the run failed (a reason and a message, as {@code runs.csv}), empty when it
   *     succeeded
   * @param metrics each metric's value, by metric name; null where the run has no value
   */
  public record SweepRun(
      int point,
      int replication,
      long seed,
      Optional<String> failure,
      Map<String, Double> metrics) {

    /**
     * Validates the fields.
     *
     * @param point the point's id
     * @param replication the replication, from 0
     * @param seed the run's master seed
     * @param failure why the run failed (a reason and a message, as {@code runs.csv}), empty when
     *     it succeeded
     * @param metrics each metric's value, by metric name; null where the run has no value
     */
    public SweepRun {
      Objects.requireNonNull(failure, "failure");
      metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /**
     * Whether the run succeeded.
     *
     * @return true when {@code failure} is empty
     */
    public boolean ok() {
      return failure.isEmpty();
    }
  }
}
