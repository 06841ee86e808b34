package org.marginfall.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.reports.data.RunManifest;
import org.marginfall.reports.data.RunSummary;
import org.marginfall.reports.data.SummaryFields;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Table;

/**
 * The summary tables of a run report as {@link Table}s (for the PDF and the CSV and LaTeX copies),
 * with the same rows, columns and number formatting as the HTML page's tables; their CSV copies
 * hold the summary's values with every digit.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RunTables {

  private RunTables() {}

  /** The results, in page order: totals, venues, assets and (when present) audit. */
  public static List<Table> summary(RunSummary summary) {
    List<Table> tables = new ArrayList<>();
    tables.add(fields("totals", "Totals", summary.totals()));
    Set<String> venueFields = new LinkedHashSet<>();
    summary.venues().values().forEach(f -> venueFields.addAll(f.names()));
    tables.add(entities("venues", "Venues", "venue", summary.venues(), venueFields));
    Set<String> assetFields = new LinkedHashSet<>();
    summary
        .assets()
        .values()
        .forEach(
            f ->
                f.asMap()
                    .forEach(
                        (k, v) -> {
                          if (v.isNumber()) {
                            assetFields.add(k);
                          }
                        }));
    tables.add(entities("assets", "Assets", "asset", summary.assets(), assetFields));
    if (!summary.audit().isEmpty()) {
      tables.add(fields("audit", "Audit", summary.audit()));
    }
    return tables;
  }

  /**
   * How the run was made, in page order (after the results and the model description): run
   * settings, provenance.
   */
  public static List<Table> settings(RunSummary summary, Optional<RunManifest> manifest) {
    List<Table> tables = new ArrayList<>();
    tables.add(fields("run", "Run settings", summary.run().fields()));
    List<List<String>> prov = new ArrayList<>();
    manifest.ifPresentOrElse(
        m -> {
          add(
              prov,
              "software",
              (m.softwareName() == null ? "" : m.softwareName() + " ")
                  + (m.softwareVersion() == null ? "" : m.softwareVersion()));
          add(
              prov,
              "git commit",
              m.gitCommit() == null
                  ? null
                  : m.gitCommit()
                      + (Boolean.TRUE.equals(m.gitDirty()) ? " (with uncommitted changes)" : ""));
          add(prov, "scenario file", m.scenarioFile());
          add(prov, "scenario sha256", m.scenarioSha256());
          add(prov, "seed", m.seed() == null ? null : m.seed().toString());
          add(prov, "replication", m.replication() == null ? null : m.replication().toString());
          add(prov, "started at", m.startedAt());
          add(
              prov,
              "wall time",
              m.wallTimeSeconds() == null
                  ? null
                  : String.format(Locale.ROOT, "%.3f s", m.wallTimeSeconds()));
          add(prov, "JVM", m.jvm());
          add(prov, "OS", m.os());
        },
        () ->
            summary
                .scenario()
                .sha256IfPresent()
                .ifPresent(sha -> add(prov, "scenario sha256", sha)));
    tables.add(new Table("provenance", "Provenance", List.of("field", "value"), prov));
    return tables;
  }

  private static void add(List<List<String>> rows, String label, String value) {
    if (value != null && !value.isBlank()) {
      rows.add(List.of(label, value.trim()));
    }
  }

  private static Table fields(String id, String title, SummaryFields fields) {
    List<List<Cell>> rows = new ArrayList<>();
    fields.asMap().forEach((k, v) -> rows.add(List.of(Cell.text(k), ValueFormat.cell(k, v))));
    return Table.of(id, title, List.of("field", "value"), rows);
  }

  private static Table entities(
      String id,
      String title,
      String kind,
      Map<String, SummaryFields> entities,
      Set<String> fields) {
    List<String> columns = new ArrayList<>();
    columns.add(kind);
    columns.addAll(entities.keySet());
    List<List<Cell>> rows = new ArrayList<>();
    for (String field : fields) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(field));
      entities
          .values()
          .forEach(
              f ->
                  row.add(f.get(field).map(v -> ValueFormat.cell(field, v)).orElse(Cell.text(""))));
      rows.add(row);
    }
    return Table.of(id, title, columns, rows);
  }
}
