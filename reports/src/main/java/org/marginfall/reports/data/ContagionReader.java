package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code contagion} object of {@code summary.json} into a {@link Contagion}. Runs written
 * before contagion attribution existed have no such object; they give an empty result, so their
 * reports simply leave the contagion section out. An object that is present but broken is an error
 * naming the field's path ({@code summary.json: field 'contagion.matrix.badDebt[1]' must have 3
 * numbers, found 2}), because a silently dropped cascade would understate the run's contagion.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class ContagionReader {

  private ContagionReader() {}

  /**
   * @param file path of a {@code summary.json}
   * @return its contagion object, empty when the summary has none (or it is JSON null)
   * @throws ReportException if the file is missing or broken, or the object does not follow the
   *     contract
   * @throws IOException if the file exists but cannot be read
   */
  public static Optional<Contagion> read(Path file) throws IOException {
    JsonSection root = JsonFile.readObject(file);
    JsonSection c = root.optionalSection("contagion");
    if (c == null) {
      return Optional.empty();
    }
    Map<String, Boolean> channels = new LinkedHashMap<>();
    JsonSection ch = c.optionalSection("channels");
    if (ch != null) {
      JsonNode node = c.raw("channels");
      node.fieldNames().forEachRemaining(name -> channels.put(name, ch.optionalBoolean(name)));
    }
    List<Contagion.Generation> generations = new ArrayList<>();
    JsonNode gens = c.raw("generations");
    if (gens != null && !gens.isNull()) {
      if (!gens.isArray()) {
        throw wrong(c, "generations", "an array", gens);
      }
      for (int i = 0; i < gens.size(); i++) {
        JsonNode g = gens.get(i);
        String at = c.path("generations") + "[" + i + "]";
        if (!g.isObject()) {
          throw new ReportException(
              c.file(), "field '" + at + "' must be an object, found " + JsonSection.describe(g));
        }
        JsonSection gs =
            new JsonSection(c.file(), at, (com.fasterxml.jackson.databind.node.ObjectNode) g);
        long generation = gs.requiredLong("generation");
        if (generation != i) {
          throw new ReportException(
              c.file(),
              "field '"
                  + at
                  + ".generation' must be "
                  + i
                  + " (ascending from 0), found "
                  + generation);
        }
        Long accelerated = gs.optionalLong("acceleratedLiquidations");
        Double acceleratedNotional = gs.optionalDouble("acceleratedNotional");
        Double acceleratedBadDebt = gs.optionalDouble("acceleratedBadDebt");
        generations.add(
            new Contagion.Generation(
                generation,
                gs.requiredLong("liquidations"),
                gs.requiredDouble("liquidatedNotional"),
                gs.requiredDouble("badDebt"),
                accelerated == null ? 0 : accelerated,
                acceleratedNotional == null ? 0 : acceleratedNotional,
                acceleratedBadDebt == null ? 0 : acceleratedBadDebt));
      }
    }
    JsonSection m = c.section("matrix");
    List<String> from = strings(m, "from");
    List<String> to = strings(m, "to");
    Contagion.Matrix matrix =
        new Contagion.Matrix(
            from,
            to,
            table(m, "liquidations", from.size(), to.size()),
            table(m, "liquidatedNotional", from.size(), to.size()),
            table(m, "badDebt", from.size(), to.size()));
    Map<String, Contagion.Timing> venues = new LinkedHashMap<>();
    JsonSection vs = c.optionalSection("venues");
    if (vs != null) {
      vs.children()
          .forEach(
              (id, v) ->
                  venues.put(
                      id,
                      new Contagion.Timing(
                          v.optionalLong("firstLiquidationStep"),
                          v.optionalLong("stepsToFirstLiquidation"),
                          v.optionalLong("firstBadDebtStep"),
                          v.optionalLong("stepsToInsolvency"))));
    }
    return Optional.of(
        new Contagion(
            channels,
            c.optionalLong("shockStep"),
            c.optionalLong("cascadeDepth"),
            c.optionalDouble("inducedShare"),
            c.optionalDouble("acceleratedShare"),
            generations,
            matrix,
            venues));
  }

  private static List<String> strings(JsonSection s, String key) {
    JsonNode node = s.raw(key);
    if (node == null) {
      throw new ReportException(s.file(), "missing field '" + s.path(key) + "'");
    }
    if (!node.isArray()) {
      throw wrong(s, key, "an array of strings", node);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new ReportException(
            s.file(),
            "field '"
                + s.path(key)
                + "["
                + i
                + "]' must be a string, found "
                + JsonSection.describe(node.get(i)));
      }
      out.add(node.get(i).textValue());
    }
    return out;
  }

  private static double[][] table(JsonSection s, String key, int rows, int columns) {
    JsonNode node = s.raw(key);
    if (node == null) {
      throw new ReportException(s.file(), "missing field '" + s.path(key) + "'");
    }
    if (!node.isArray() || node.size() != rows) {
      throw new ReportException(
          s.file(),
          "field '"
              + s.path(key)
              + "' must be an array of "
              + rows
              + " rows (one per cause in 'from'), found "
              + (node.isArray() ? node.size() + " rows" : JsonSection.describe(node)));
    }
    double[][] out = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      JsonNode row = node.get(r);
      String at = s.path(key) + "[" + r + "]";
      if (!row.isArray() || row.size() != columns) {
        throw new ReportException(
            s.file(),
            "field '"
                + at
                + "' must have "
                + columns
                + " numbers (one per venue in 'to'), found "
                + (row.isArray() ? Integer.toString(row.size()) : JsonSection.describe(row)));
      }
      for (int k = 0; k < columns; k++) {
        if (!row.get(k).isNumber()) {
          throw new ReportException(
              s.file(),
              "field '"
                  + at
                  + "["
                  + k
                  + "]' must be a number, found "
                  + JsonSection.describe(row.get(k)));
        }
        out[r][k] = row.get(k).doubleValue();
      }
    }
    return out;
  }

  private static ReportException wrong(JsonSection s, String key, String expected, JsonNode found) {
    return new ReportException(
        s.file(),
        "field '"
            + s.path(key)
            + "' must be "
            + expected
            + ", found "
            + JsonSection.describe(found));
  }
}
