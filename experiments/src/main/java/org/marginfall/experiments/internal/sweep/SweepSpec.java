package org.marginfall.experiments.internal.sweep;

import java.util.List;
import java.util.Objects;
import org.marginfall.experiments.internal.scenario.DataRoot;

/**
 * A sweep file, read and checked against its base scenario.
 *
 * <p>Immutable and thread-safe: the base scenario is kept as bytes and parsed afresh for each point
 * (see {@link PointScenarios}).
 *
 * @param name the sweep's name
 * @param description what it explores
 * @param sweepContent the sweep file's bytes (copied into the output for resume and merge)
 * @param sweepSha256 hex SHA-256 of {@code sweepContent}
 * @param scenarioLabel the base scenario as the sweep file names it
 * @param scenarioContent the base scenario's bytes
 * @param scenarioJson whether the base scenario is JSON (else YAML)
 * @param parameters the swept parameters, in file order
 * @param design how points are chosen
 * @param replications runs per point
 * @param seed the sweep seed
 * @param metrics the collected metrics, in file order
 * @param audit whether every run checks the invariants at every step
 * @param scenarioDataRoot where the base scenario's data files are found
 */
public record SweepSpec(
    String name,
    String description,
    byte[] sweepContent,
    String sweepSha256,
    String scenarioLabel,
    byte[] scenarioContent,
    boolean scenarioJson,
    List<Parameter> parameters,
    Design design,
    int replications,
    long seed,
    List<Metric> metrics,
    boolean audit,
    DataRoot scenarioDataRoot) {

  /** Validates the fields. */
  public SweepSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    sweepContent = sweepContent.clone();
    Objects.requireNonNull(sweepSha256, "sweepSha256");
    Objects.requireNonNull(scenarioLabel, "scenarioLabel");
    scenarioContent = scenarioContent.clone();
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(design, "design");
    metrics = List.copyOf(metrics);
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("parameters: must not be empty");
    }
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("metrics: must not be empty");
    }
    if (replications < 1) {
      throw new IllegalArgumentException("replications: must be >= 1, was " + replications);
    }
    Objects.requireNonNull(scenarioDataRoot, "scenarioDataRoot");
  }

  @Override
  public byte[] sweepContent() {
    return sweepContent.clone();
  }

  @Override
  public byte[] scenarioContent() {
    return scenarioContent.clone();
  }

  /** The design's points. */
  public List<Point> points() {
    return design.points(parameters, RunSeeds.designSeed(seed));
  }

  /** The number of runs: points times replications. */
  public long runCount() {
    return Math.multiplyExact(design.size(parameters), replications);
  }
}
