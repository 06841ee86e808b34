package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the scheduled oracle failures from the scenario copy of a run directory ({@code
 * scenario.yaml}, the exact bytes the run read): every {@code oracles[i].failures[j]}, in force
 * over steps {@code [fromStep, fromStep + steps)} ({@code steps} 1 when absent). The events do not
 * mark every failed step (a frozen feed that had nothing to publish leaves no trace), so the
 * schedule is the source.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class OracleFailureReader {

  /** The scenario copy a run directory holds. */
  public static final String SCENARIO = "scenario.yaml";

  private OracleFailureReader() {}

  /**
   * @return the failures in scenario order; empty when the run directory has no scenario.yaml or
   *     its oracles have no failures
   * @throws ReportException if scenario.yaml is not valid YAML
   */
  public static List<OracleFailure> read(Path runDir) throws IOException {
    Path file = runDir.resolve(SCENARIO);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportException(SCENARIO, "not valid YAML", e);
    }
    List<OracleFailure> failures = new ArrayList<>();
    if (root == null) {
      return failures;
    }
    for (JsonNode oracle : root.path("oracles")) {
      for (JsonNode f : oracle.path("failures")) {
        long from = f.path("fromStep").asLong();
        long steps = Math.max(1, f.path("steps").asLong(1));
        failures.add(
            new OracleFailure(
                oracle.path("id").asText("?"),
                f.path("asset").asText("?"),
                f.path("mode").asText("?"),
                from,
                from + steps - 1));
      }
    }
    return List.copyOf(failures);
  }
}
