package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The liquidation event types of a run, read from {@code manifest.json}'s {@code liquidationEvents}
 * (docs/outputs.md): each type that the run's venues emitted as a liquidation, with the fields of
 * its {@code events.jsonl} lines whose product is its notional. The report recognises liquidations
 * by this list, so it never names a venue family. A run directory without the list (no manifest, or
 * one written before the list existed) has no recognised liquidation events.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param notionalFields event type to its notional fields, in file order
 */
public record LiquidationKinds(Map<String, List<String>> notionalFields) {

  private static final String KEY = "liquidationEvents";

  public LiquidationKinds {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    notionalFields.forEach((t, f) -> copy.put(t, List.copyOf(f)));
    notionalFields = Collections.unmodifiableMap(copy);
  }

  /**
   * @return the kinds listed in {@code runDir}'s manifest; none without a manifest or a list
   * @throws ReportException naming the field when the list is not an object of string arrays
   * @throws IOException if the manifest exists but cannot be read
   */
  public static LiquidationKinds read(Path runDir) throws IOException {
    Path file = runDir.resolve(RunFiles.MANIFEST);
    if (!Files.exists(file)) {
      return new LiquidationKinds(Map.of());
    }
    JsonSection kinds = JsonFile.readObject(file).optionalSection(KEY);
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (kinds != null) {
      for (String type : kinds.names()) {
        JsonNode fields = kinds.raw(type);
        List<String> names = new ArrayList<>();
        for (JsonNode f : fields) {
          names.add(f.isTextual() ? f.asText() : null);
        }
        if (!fields.isArray() || names.isEmpty() || names.contains(null)) {
          throw new ReportException(
              RunFiles.MANIFEST,
              "field '" + kinds.path(type) + "' must be a non-empty array of field names");
        }
        out.put(type, names);
      }
    }
    return new LiquidationKinds(out);
  }

  /** Whether events of {@code type} are liquidations. */
  public boolean isLiquidation(String type) {
    return notionalFields.containsKey(type);
  }

  /**
   * The notional of a liquidation event: the product of its type's notional fields; NaN for an
   * event of any other type.
   */
  public double notional(JsonNode event) {
    List<String> fields = notionalFields.get(event.path("type").asText());
    if (fields == null) {
      return Double.NaN;
    }
    double product = event.path(fields.get(0)).asDouble();
    for (int i = 1; i < fields.size(); i++) {
      product *= event.path(fields.get(i)).asDouble();
    }
    return product;
  }
}
