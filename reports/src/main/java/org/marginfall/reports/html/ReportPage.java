package org.marginfall.reports.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.marginfall.reports.data.RunFiles;
import org.marginfall.reports.data.RunManifest;
import org.marginfall.reports.data.RunSummary;
import org.marginfall.reports.data.SummaryFields;
import org.marginfall.reports.data.SummaryValue;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Citation;
import org.marginfall.reports.doc.Html;
import org.marginfall.reports.doc.HtmlDocument;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Renders {@code report.html}: one self-contained HTML5 page (inline style, charts inlined as
 * base64 PNGs, nothing fetched from the network; one inline script only records how many images
 * decoded, for headless-browser checks) so it can be mailed, archived or opened offline. The page
 * is a deterministic function of its arguments; the only part that changes between two renderings
 * of the same run is the generation time passed in.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class ReportPage {

  private static final String STYLE =
      """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
                   max-width: 1040px; padding: 0 1rem; color: #222; line-height: 1.4; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
            h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
            .generated { color: #666; margin-top: 0; }
            table { border-collapse: collapse; margin: 0.5rem 0; }
            th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
            thead th { background: #f3f3f3; }
            tbody th { font-weight: normal; font-family: ui-monospace, Menlo, Consolas, monospace; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.hash { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
            figure { margin: 1.5rem 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; font-size: 0.95rem; }
            """;

  private ReportPage() {}

  /**
   * @param summary the run's summary
   * @param manifest the run's provenance, empty if the run directory has no manifest
   * @param charts the charts, in page order; their SVGs are linked under {@code charts/}
   * @param generatedAt when the page is generated, shown in one line
   * @return the page's HTML
   */
  public static String render(
      RunSummary summary,
      Optional<RunManifest> manifest,
      List<RenderedChart> charts,
      Instant generatedAt) {
    return render(summary, manifest, charts, generatedAt, List.of(), List.of());
  }

  /**
   * As {@link #render(RunSummary, Optional, List, Instant)}, in the order a reader wants: the
   * summary tables (totals, venues, assets, audit) and the charts first, then {@code analysis}
   * (risk metrics, contagion, twins, network), then {@code description} (the model description and
   * its parameters), the run settings, the provenance and how to cite.
   */
  public static String render(
      RunSummary summary,
      Optional<RunManifest> manifest,
      List<RenderedChart> charts,
      Instant generatedAt,
      List<Block> analysis,
      List<Block> description) {
    return render(summary, manifest, charts, generatedAt, List.of(), analysis, description);
  }

  /**
   * As {@link #render(RunSummary, Optional, List, Instant, List, List)}, with {@code warnings} (the
   * run's silent no-ops) above everything else.
   */
  public static String render(
      RunSummary summary,
      Optional<RunManifest> manifest,
      List<RenderedChart> charts,
      Instant generatedAt,
      List<Block> warnings,
      List<Block> analysis,
      List<Block> description) {
    Objects.requireNonNull(generatedAt, "generatedAt");
    StringBuilder html = new StringBuilder(64 * 1024);
    String name = Html.escape(summary.scenario().name());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Marginfall report: ")
        .append(name)
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n")
        .append("<script>")
        .append(HtmlDocument.IMAGE_CHECK)
        .append("</script>\n</head>\n<body>\n")
        .append("<h1>Marginfall report: ")
        .append(name)
        .append("</h1>\n")
        .append("<p class=\"generated\">Generated at ")
        .append(generatedAt)
        .append("</p>\n");
    HtmlDocument.appendBlocks(html, warnings);
    section(html, "totals", "Totals", summary.totals());
    venues(html, summary.venues());
    assets(html, summary.assets());
    if (!summary.audit().isEmpty()) {
      section(html, "audit", "Audit", summary.audit());
    }
    charts(html, charts);
    HtmlDocument.appendBlocks(html, analysis);
    HtmlDocument.appendBlocks(html, description);
    section(html, "run", "Run settings", summary.run().fields());
    provenance(html, summary, manifest);
    HtmlDocument.appendBlocks(html, citation(manifest));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /** The "How to cite" heading and line, from the manifest's software name, version and commit. */
  public static List<Block> citation(Optional<RunManifest> manifest) {
    return List.of(
        new Block.Heading("How to cite"),
        new Block.Paragraph(
            Citation.line(
                manifest.map(RunManifest::softwareName).orElse(null),
                manifest.map(RunManifest::softwareVersion).orElse(null),
                manifest.map(RunManifest::gitCommit).orElse(null))));
  }

  private static void provenance(
      StringBuilder html, RunSummary summary, Optional<RunManifest> manifest) {
    html.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
    Map<String, String> rows = new LinkedHashMap<>();
    if (manifest.isEmpty()) {
      html.append("<p>The run directory has no ")
          .append(RunFiles.MANIFEST)
          .append(", so software version, commit and timing are unknown.</p>\n");
      summary.scenario().sha256IfPresent().ifPresent(sha -> rows.put("scenario sha256", sha));
    } else {
      RunManifest m = manifest.get();
      put(rows, "software", joined(m.softwareName(), m.softwareVersion()));
      put(
          rows,
          "git commit",
          m.gitCommit() == null
              ? null
              : m.gitCommit()
                  + (Boolean.TRUE.equals(m.gitDirty()) ? " (with uncommitted changes)" : ""));
      put(rows, "scenario file", m.scenarioFile());
      put(rows, "scenario sha256", m.scenarioSha256());
      put(rows, "seed", m.seed() == null ? null : m.seed().toString());
      put(rows, "replication", m.replication() == null ? null : m.replication().toString());
      put(rows, "started at", m.startedAt());
      put(
          rows,
          "wall time",
          m.wallTimeSeconds() == null
              ? null
              : String.format(Locale.ROOT, "%.3f s", m.wallTimeSeconds()));
      put(rows, "JVM", m.jvm());
      put(rows, "OS", m.os());
    }
    if (!rows.isEmpty()) {
      html.append("<table>\n<tbody>\n");
      rows.forEach(
          (label, value) ->
              html.append("<tr><th>")
                  .append(Html.escape(label))
                  .append("</th><td")
                  .append(
                      label.contains("sha256") || label.equals("git commit")
                          ? " class=\"hash\""
                          : "")
                  .append('>')
                  .append(Html.escape(value))
                  .append("</td></tr>\n"));
      html.append("</tbody>\n</table>\n");
    }
    html.append("</section>\n");
  }

  /** Assets: every field that is numeric for some asset (rows) by asset (columns). */
  private static void assets(StringBuilder html, Map<String, SummaryFields> assets) {
    Set<String> fields = new LinkedHashSet<>();
    assets
        .values()
        .forEach(
            f ->
                f.asMap()
                    .forEach(
                        (field, value) -> {
                          if (value.isNumber()) {
                            fields.add(field);
                          }
                        }));
    entityTable(html, "assets", "Assets", "asset", assets, new ArrayList<>(fields));
  }

  /**
   * Venues: every field (rows) by venue (columns); few venues but many fields fit this way round.
   */
  private static void venues(StringBuilder html, Map<String, SummaryFields> venues) {
    Set<String> fields = new LinkedHashSet<>();
    venues.values().forEach(f -> fields.addAll(f.names()));
    entityTable(html, "venues", "Venues", "venue", venues, new ArrayList<>(fields));
  }

  private static void entityTable(
      StringBuilder html,
      String id,
      String title,
      String kind,
      Map<String, SummaryFields> entities,
      List<String> fields) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
    if (entities.isEmpty()) {
      html.append("<p>No ").append(kind).append("s in the summary.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead>\n<tr><th>").append(kind).append("</th>");
    entities
        .keySet()
        .forEach(entity -> html.append("<th>").append(Html.escape(entity)).append("</th>"));
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (String field : fields) {
      html.append("<tr><th>").append(Html.escape(field)).append("</th>");
      // An entity that lacks a field another one has gets an empty cell, not an error.
      entities.values().forEach(values -> cell(html, field, values.get(field).orElse(null)));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** A field/value table for one summary section. */
  private static void section(StringBuilder html, String id, String title, SummaryFields fields) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
    html.append("<table>\n<tbody>\n");
    fields
        .asMap()
        .forEach(
            (field, value) -> {
              html.append("<tr><th>").append(Html.escape(field)).append("</th>");
              cell(html, field, value);
              html.append("</tr>\n");
            });
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void cell(StringBuilder html, String field, SummaryValue value) {
    if (value == null) {
      html.append("<td></td>");
      return;
    }
    html.append(value.isNumber() ? "<td class=\"num\">" : "<td>")
        .append(Html.escape(ValueFormat.format(field, value)))
        .append("</td>");
  }

  private static void charts(StringBuilder html, List<RenderedChart> charts) {
    html.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
    Base64.Encoder base64 = Base64.getEncoder();
    for (RenderedChart chart : charts) {
      String svgHref = RunFiles.CHARTS_DIR + "/" + chart.svgFileName();
      html.append("<figure>\n<img src=\"data:image/png;base64,")
          .append(base64.encodeToString(chart.png()))
          .append("\" width=\"")
          .append(chart.width())
          .append("\" height=\"")
          .append(chart.height())
          .append("\" alt=\"")
          .append(Html.escape(chart.title() + ". " + chart.caption()))
          .append("\">\n")
          .append("<figcaption><strong>")
          .append(Html.escape(chart.title()))
          .append("</strong>. ")
          .append(Html.escape(chart.caption()))
          .append(" <a href=\"")
          .append(Html.escape(svgHref))
          .append("\">SVG</a></figcaption>\n")
          .append("</figure>\n");
    }
    html.append("</section>\n");
  }

  private static void put(Map<String, String> rows, String label, String value) {
    if (value != null) {
      rows.put(label, value);
    }
  }

  private static String joined(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }
}
