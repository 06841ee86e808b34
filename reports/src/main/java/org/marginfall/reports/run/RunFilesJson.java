package org.marginfall.reports.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.doc.Cell;

/**
 * Reads the optional JSON files of the network and twin sections, and the values in them, turning a
 * malformed file into a one-line {@link ReportException} that names it. Stateless; immutable and
 * thread-safe.
 */
final class RunFilesJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private RunFilesJson() {}

  /**
   * The file's top-level object, or empty when the run directory has no such file (an older run).
   */
  static Optional<JsonNode> read(Path runDir, String name) throws IOException {
    Path file = runDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ReportException(name, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ReportException(name, "top level must be a JSON object");
    }
    return Optional.of(root);
  }

  /** A required field of {@code node}; {@code where} names it in the error. */
  static JsonNode field(JsonNode node, String name, String file, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new ReportException(file, where + name + " is missing");
    }
    return v;
  }

  /** A required number, as a table cell. */
  static Cell number(JsonNode node, String name, String file, String where) {
    JsonNode v = field(node, name, file, where);
    if (!v.isNumber()) {
      throw new ReportException(file, where + name + " must be a number, was " + v);
    }
    return Cell.number(v.asDouble());
  }

  /** A required string. */
  static String text(JsonNode node, String name, String file, String where) {
    JsonNode v = field(node, name, file, where);
    if (!v.isTextual()) {
      throw new ReportException(file, where + name + " must be a string, was " + v);
    }
    return v.asText();
  }
}
