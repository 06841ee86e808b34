package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result files of a sweep directory (docs/experiments.md, "Outputs"): {@code manifest.json},
 * {@code runs.csv}, {@code points.csv} and, for Sobol designs, {@code sobol.csv}. Parameter and
 * metric names come from the manifest, in sweep order.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record SweepData(
    JsonNode manifest,
    List<String> parameters,
    Map<String, String> metrics,
    CsvTable runs,
    CsvTable points,
    Optional<CsvTable> sobol) {

  public static final String MANIFEST = "manifest.json";
  public static final String RUNS = "runs.csv";
  public static final String POINTS = "points.csv";
  public static final String SOBOL = "sobol.csv";

  public SweepData {
    Objects.requireNonNull(manifest, "manifest");
    parameters = List.copyOf(parameters);
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(sobol, "sobol");
  }

  /**
   * Whether {@code dir} looks like a sweep directory: it has runs.csv, points.csv and a manifest.
   */
  public static boolean isSweepDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(RUNS))
        && Files.isRegularFile(dir.resolve(POINTS))
        && Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /**
   * @throws ReportException if a required file is missing or malformed
   */
  public static SweepData read(Path dir) throws IOException {
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) {
      throw new ReportException(MANIFEST, "file not found");
    }
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(m.toFile());
    } catch (IOException e) {
      throw new ReportException(MANIFEST, "not valid JSON: " + e.getMessage(), e);
    }
    if (manifest == null || !manifest.isObject()) {
      throw new ReportException(MANIFEST, "expected a JSON object");
    }
    List<String> parameters = new ArrayList<>();
    manifest.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
    Map<String, String> metrics = new LinkedHashMap<>();
    manifest
        .path("metrics")
        .forEach(p -> metrics.put(p.path("name").asText(), p.path("path").asText()));
    if (metrics.isEmpty()) {
      throw new ReportException(MANIFEST, "metrics: expected a non-empty list");
    }
    CsvTable runs = CsvTable.read(dir.resolve(RUNS));
    CsvTable points = CsvTable.read(dir.resolve(POINTS));
    for (String column : parameters) {
      runs.index(column);
    }
    for (String column : metrics.keySet()) {
      runs.index(column);
    }
    runs.index("status");
    Optional<CsvTable> sobol =
        Files.isRegularFile(dir.resolve(SOBOL))
            ? Optional.of(CsvTable.read(dir.resolve(SOBOL)))
            : Optional.empty();
    return new SweepData(manifest, parameters, metrics, runs, points, sobol);
  }

  /**
   * The design type from the manifest ({@code grid}, {@code random}, {@code lhs}, {@code sobol}).
   */
  public String design() {
    return manifest.path("design").path("type").asText("");
  }

  /** The sweep's name from the manifest. */
  public String name() {
    return manifest.path("sweep").path("name").asText("sweep");
  }

  /** The rows of runs.csv with status {@code ok}. */
  public List<List<String>> okRuns() {
    int status = runs.index("status");
    return runs.rows().stream().filter(r -> "ok".equals(r.get(status))).toList();
  }

  /** The metric's values over the successful runs that have one, in run order. */
  public double[] metricValues(String metric) {
    int c = runs.index(metric);
    return okRuns().stream()
        .mapToDouble(r -> CsvTable.number(r.get(c)))
        .filter(v -> !Double.isNaN(v))
        .toArray();
  }
}
