package org.marginfall.experiments.internal.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import org.marginfall.experiments.internal.scenario.Scenario;

/**
 * One run to perform: a scenario, where it came from, the output directory and the options.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the validated scenario
 * @param source the scenario file as the user named it (for the manifest)
 * @param out the run directory to create
 * @param seed a seed overriding the scenario's, if given
 * @param audit whether to check the invariants at every step
 * @param replace whether an existing run directory may be replaced
 * @param report whether to render the report (charts, report.html, report.pdf, tables); the result
 *     files are the same either way, and {@code marginfall report} renders it later
 * @param longTimeseries whether to write {@code timeseries-long.parquet} beside {@code
 *     timeseries.csv} (docs/outputs.md)
 */
public record RunRequest(
    Scenario scenario,
    String source,
    Path out,
    OptionalLong seed,
    boolean audit,
    boolean replace,
    boolean report,
    boolean longTimeseries) {

  /** A request without the long-format time series. */
  public RunRequest(
      Scenario scenario,
      String source,
      Path out,
      OptionalLong seed,
      boolean audit,
      boolean replace,
      boolean report) {
    this(scenario, source, out, seed, audit, replace, report, false);
  }

  /** A request that renders the report, without the long-format time series. */
  public RunRequest(
      Scenario scenario,
      String source,
      Path out,
      OptionalLong seed,
      boolean audit,
      boolean replace) {
    this(scenario, source, out, seed, audit, replace, true);
  }

  /** Validates the fields. */
  public RunRequest {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(seed, "seed");
  }
}
