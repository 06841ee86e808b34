package org.marginfall.reports.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code summary.json} into a {@link RunSummary}. Only what the report needs by name is
 * required ({@code scenario.name}, the {@code run} settings, and the {@code assets}, {@code venues}
 * and {@code totals} objects); anything else is kept or ignored, so later engine versions that add
 * sections or fields do not break older reports.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class SummaryReader {

  private SummaryReader() {}

  /**
   * @param file path of a {@code summary.json}
   * @return its contents
   * @throws ReportException if the file is missing or does not follow the contract
   * @throws IOException if the file exists but cannot be read
   */
  public static RunSummary read(Path file) throws IOException {
    JsonSection root = JsonFile.readObject(file);

    JsonSection scenario = root.section("scenario");
    JsonSection run = root.section("run");
    JsonSection audit = root.optionalSection("audit");

    return new RunSummary(
        new RunSummary.Scenario(scenario.requiredText("name"), scenario.optionalText("sha256")),
        new RunSummary.Settings(
            run.requiredLong("seed"),
            run.requiredLong("steps"),
            run.requiredDouble("stepSeconds"),
            run.requiredText("baseCurrency"),
            run.fields()),
        entities(root.section("assets")),
        entities(root.section("venues")),
        root.section("totals").fields(),
        audit == null ? SummaryFields.empty() : audit.fields());
  }

  /** Per-asset or per-venue objects, keyed by id, in file (= scenario) order. */
  private static Map<String, SummaryFields> entities(JsonSection section) {
    Map<String, SummaryFields> result = new LinkedHashMap<>();
    section.children().forEach((id, fields) -> result.put(id, fields.fields()));
    return result;
  }
}
