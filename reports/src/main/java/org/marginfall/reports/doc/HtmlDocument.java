package org.marginfall.reports.doc;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML5 page: inline style, charts inlined
 * as base64 PNGs (their SVGs linked under {@code charts/}), tables linked to their CSV and LaTeX
 * copies under {@code tables/}, nothing fetched from the network. One small inline script records
 * on the root element how many images decoded ({@code data-images-loaded="k/n"}), so a headless
 * browser can check the page without a screenshot diff. The output is a deterministic function of
 * the document and the generation time.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class HtmlDocument {

  static final String STYLE =
      """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
                   max-width: 1040px; padding: 0 1rem; color: #222; line-height: 1.4; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
            h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
            .generated { color: #666; margin-top: 0; }
            table { border-collapse: collapse; margin: 0.5rem 0; }
            caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
            th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
            thead th { background: #f3f3f3; }
            td { font-variant-numeric: tabular-nums; }
            .files { font-size: 0.85rem; color: #555; }
            figure { margin: 1.5rem 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; font-size: 0.95rem; }
            """;

  /** Counts decoded images once everything has loaded; a failed image has naturalWidth 0. */
  public static final String IMAGE_CHECK =
      "window.addEventListener('load',function(){var i=document.images,"
          + "k=0;for(var j=0;j<i.length;j++){if(i[j].complete&&i[j].naturalWidth>0){k++;}}"
          + "document.documentElement.setAttribute('data-images-loaded',k+'/'+i.length);});";

  private HtmlDocument() {}

  /**
   * @param document the content
   * @param generatedAt shown in the "Generated at" line, the only part that varies between
   *     renderings
   * @return the page
   */
  public static String render(ReportDocument document, Instant generatedAt) {
    Objects.requireNonNull(generatedAt, "generatedAt");
    StringBuilder html = new StringBuilder(256 * 1024);
    String title = Html.escape(document.title());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(title)
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n")
        .append("<script>")
        .append(IMAGE_CHECK)
        .append("</script>\n</head>\n<body>\n")
        .append("<h1>")
        .append(title)
        .append("</h1>\n")
        .append("<p class=\"generated\">Generated at ")
        .append(generatedAt)
        .append("</p>\n");
    appendBlocks(html, document.blocks());
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /** Appends the HTML of {@code blocks} (used by the run page for its extra sections). */
  public static void appendBlocks(StringBuilder html, java.util.List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Block.Heading h) {
        html.append("<h2>").append(Html.escape(h.text())).append("</h2>\n");
      } else if (block instanceof Block.Paragraph p) {
        html.append("<p>").append(Html.escape(p.text())).append("</p>\n");
      } else if (block instanceof Block.TableBlock t) {
        table(html, t.table());
      } else if (block instanceof Block.Figure f) {
        figure(html, f.chart());
      }
    }
  }

  private static void table(StringBuilder html, Table table) {
    html.append("<table id=\"table-")
        .append(table.id())
        .append("\">\n<caption>")
        .append(Html.escape(table.title()))
        .append("</caption>\n<thead>\n<tr>");
    table.columns().forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
    html.append("</tr>\n</thead>\n<tbody>\n");
    for (var row : table.rows()) {
      html.append("<tr>");
      row.forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n<p class=\"files\">As <a href=\"tables/")
        .append(table.id())
        .append(".csv\">CSV</a> and <a href=\"tables/")
        .append(table.id())
        .append(".tex\">LaTeX</a>.</p>\n");
  }

  private static void figure(StringBuilder html, RenderedChart chart) {
    html.append("<figure id=\"chart-")
        .append(chart.baseName())
        .append("\">\n<img src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(chart.png()))
        .append("\" width=\"")
        .append(chart.width())
        .append("\" height=\"")
        .append(chart.height())
        .append("\" alt=\"")
        .append(Html.escape(chart.caption()))
        .append("\">\n<figcaption>")
        .append(Html.escape(chart.caption()))
        .append(" <a href=\"charts/")
        .append(chart.svgFileName())
        .append("\">SVG</a></figcaption>\n</figure>\n");
  }
}
