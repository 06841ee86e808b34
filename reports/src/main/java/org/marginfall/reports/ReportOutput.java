package org.marginfall.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.reports.doc.HtmlDocument;
import org.marginfall.reports.doc.PdfDocument;
import org.marginfall.reports.doc.RenderedChart;
import org.marginfall.reports.doc.ReportDocument;
import org.marginfall.reports.doc.Table;
import org.marginfall.reports.doc.TableFormats;

/**
 * Writes the files of a report document into a directory: {@code charts/*.png|svg}, {@code
 * tables/*.csv|tex}, and, when asked, {@code report.html} and {@code report.pdf}. Every file goes
 * to a hidden temporary sibling first and is then moved into place, so an interrupted write never
 * leaves a truncated file behind.
 *
 * <p>This class has no state: it is immutable and thread-safe (concurrent writes into one directory
 * race on its files).
 */
public final class ReportOutput {

  /** The PDF's file name. */
  public static final String PDF = "report.pdf";

  /** The tables' directory. */
  public static final String TABLES_DIR = "tables";

  private ReportOutput() {}

  /**
   * Renders everything first (so bad content writes nothing), then writes.
   *
   * @param html whether to write {@code report.html} from the document
   * @return the files written, relative to {@code dir}, in writing order
   */
  public static List<Path> write(
      Path dir, ReportDocument document, Instant generatedAt, boolean html) throws IOException {
    byte[] pdf = PdfDocument.render(document, generatedAt);
    String page = html ? HtmlDocument.render(document, generatedAt) : null;
    List<Path> written = new ArrayList<>();
    Files.createDirectories(dir.resolve("charts"));
    for (RenderedChart chart : document.charts()) {
      written.add(write(dir, Path.of("charts", chart.pngFileName()), chart.png()));
      written.add(
          write(
              dir,
              Path.of("charts", chart.svgFileName()),
              chart.svg().getBytes(StandardCharsets.UTF_8)));
    }
    Files.createDirectories(dir.resolve(TABLES_DIR));
    for (Table table : document.tables()) {
      written.add(
          write(
              dir,
              Path.of(TABLES_DIR, table.id() + ".csv"),
              TableFormats.csv(table).getBytes(StandardCharsets.UTF_8)));
      written.add(
          write(
              dir,
              Path.of(TABLES_DIR, table.id() + ".tex"),
              TableFormats.latex(table).getBytes(StandardCharsets.UTF_8)));
    }
    if (page != null) {
      written.add(write(dir, Path.of("report.html"), page.getBytes(StandardCharsets.UTF_8)));
    }
    written.add(write(dir, Path.of(PDF), pdf));
    return written;
  }

  /** Writes {@code dir/relative} via a temporary sibling and a move; returns {@code relative}. */
  public static Path write(Path dir, Path relative, byte[] content) throws IOException {
    AtomicFiles.write(dir.resolve(relative), content);
    return relative;
  }
}
