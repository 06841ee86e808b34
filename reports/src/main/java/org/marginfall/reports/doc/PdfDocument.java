package org.marginfall.reports.doc;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.marginfall.core.util.Sha256;

/**
 * Renders a {@link ReportDocument} as an A4 PDF with Apache PDFBox 3: the same headings,
 * paragraphs, tables and PNG charts as the HTML page, in the same order. Only the standard
 * Helvetica fonts are used (nothing embedded), text outside WinAnsi is replaced by {@code ?}.
 *
 * <p>The bytes are a function of the document and {@code generatedAt} alone: the information
 * dictionary's creation and modification dates are {@code generatedAt}, and the trailer's file
 * identifier is a hash of the title and that time, where PDFBox would otherwise use the wall clock.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class PdfDocument {

  private static final float MARGIN = 48f;
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private PdfDocument() {}

  /**
   * Loads the standard fonts' metrics, a few hundred milliseconds on a fresh JVM, so a caller can
   * have that done on another thread while it does other work. Never required before {@link
   * #render}.
   */
  public static void preload() {
    // Nothing to do here: calling any static method runs the class initializer, which loads the
    // fonts.
  }

  /**
   * @param document the content
   * @param generatedAt the generation time, printed and used as the PDF's dates
   * @return the encoded PDF
   * @throws IOException if a chart's PNG cannot be decoded
   */
  public static byte[] render(ReportDocument document, Instant generatedAt) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      when.setTimeInMillis(generatedAt.toEpochMilli());
      info.setTitle(document.title());
      info.setCreator("marginfall");
      info.setProducer("marginfall (Apache PDFBox)");
      info.setCreationDate(when);
      info.setModificationDate(when);
      byte[] id = fileId(document.title() + "|" + generatedAt);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      pdf.getDocument().getTrailer().setItem(COSName.ID, ids);

      Writer w = new Writer(pdf);
      w.text(document.title(), BOLD, 16, 6);
      w.text("Generated at " + generatedAt, REGULAR, 9, 10);
      for (Block block : document.blocks()) {
        if (block instanceof Block.Heading h) {
          w.gap(8);
          w.text(h.text(), BOLD, 12, 4);
        } else if (block instanceof Block.Paragraph p) {
          w.text(p.text(), REGULAR, 9, 4);
        } else if (block instanceof Block.TableBlock t) {
          w.table(t.table());
        } else if (block instanceof Block.Figure f) {
          w.figure(f.chart());
        }
      }
      w.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] fileId(String seed) {
    byte[] digest = Sha256.digest().digest(seed.getBytes(StandardCharsets.UTF_8));
    return java.util.Arrays.copyOf(digest, 16);
  }

  /** Replaces characters Helvetica's WinAnsi encoding lacks, so drawing never throws. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\t') {
        out.append(' ');
      } else if (c >= 0x20 && c < 0x7F
          || c >= 0xA0 && c <= 0xFF
          || c == '\u2013'
          || c == '\u2014') {
        out.append(c);
      } else if (c == '\u2264') {
        out.append("<=");
      } else if (c == '\u2265') {
        out.append(">=");
      } else {
        out.append('?');
      }
    }
    return out.toString();
  }

  private static float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  /** A cursor over pages: starts a new page when the next item does not fit. */
  private static final class Writer {
    private final PDDocument pdf;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PAGE);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = PAGE.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void gap(float height) {
      y -= height;
    }

    void text(String raw, PDType1Font font, float size, float after) throws IOException {
      for (String line : wrap(printable(raw), font, size, WIDTH)) {
        need(size * 1.3f);
        y -= size * 1.3f;
        show(line, font, size, MARGIN, y);
      }
      y -= after;
    }

    private void show(String text, PDType1Font font, float size, float x, float baseline)
        throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, baseline);
      stream.showText(text);
      stream.endText();
    }

    void table(Table table) throws IOException {
      text(table.title(), BOLD, 9, 2);
      int n = table.columns().size();
      float size = n > 8 ? 6f : 7.5f;
      float[] widths = columnWidths(table, size);
      float line = size * 1.35f;
      row(table.columns(), BOLD, size, widths, line);
      for (List<String> cells : table.rows()) {
        row(cells, REGULAR, size, widths, line);
      }
      y -= 6;
    }

    private void row(List<String> cells, PDType1Font font, float size, float[] widths, float line)
        throws IOException {
      // A cell too long for its column wraps inside it; the row is as tall as its tallest cell.
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int c = 0; c < cells.size(); c++) {
        List<String> w = wrap(printable(cells.get(c)), font, size, widths[c] - 4);
        wrapped.add(w);
        lines = Math.max(lines, w.size());
      }
      need(lines * line);
      float x = MARGIN;
      for (int c = 0; c < cells.size(); c++) {
        float baseline = y - line;
        for (String part : wrapped.get(c)) {
          show(part, font, size, x, baseline);
          baseline -= line;
        }
        x += widths[c];
      }
      y -= lines * line;
    }

    /**
     * Each column gets its longest cell's width (capped at half the page); when they do not fit,
     * only the room above each column's longest single word is taken away, in proportion, so cells
     * wrap between words but no word overflows into the next column.
     */
    private static float[] columnWidths(Table table, float size) throws IOException {
      int n = table.columns().size();
      float[] want = new float[n];
      float[] least = new float[n];
      for (int c = 0; c < n; c++) {
        List<String> cells = new ArrayList<>();
        cells.add(table.columns().get(c));
        for (List<String> row : table.rows()) {
          cells.add(row.get(c));
        }
        for (int i = 0; i < cells.size(); i++) {
          PDType1Font font = i == 0 ? BOLD : REGULAR;
          String cell = printable(cells.get(i));
          want[c] = Math.max(want[c], width(font, size, cell) + 6);
          for (String word : cell.split(" ")) {
            least[c] = Math.max(least[c], width(font, size, word) + 6);
          }
        }
        want[c] = Math.max(Math.min(want[c], WIDTH / 2), Math.min(least[c], WIDTH / 2));
        least[c] = Math.min(least[c], want[c]);
      }
      float total = 0;
      float slack = 0;
      for (int c = 0; c < n; c++) {
        total += want[c];
        slack += want[c] - least[c];
      }
      if (total > WIDTH && slack > 0) {
        float cut = Math.min(1f, (total - WIDTH) / slack);
        for (int c = 0; c < n; c++) {
          want[c] -= (want[c] - least[c]) * cut;
        }
      }
      return want;
    }

    void figure(RenderedChart chart) throws IOException {
      // From the PNG bytes: for an RGB PNG without alpha (as ChartRenderer writes) PDFBox
      // copies the compressed image data as it is, with no decode and re-encode, which is fast
      // and keeps the PDF's image identical to charts/*.png. Other PNGs are re-encoded.
      PDImageXObject xobject;
      try {
        xobject = PDImageXObject.createFromByteArray(pdf, chart.png(), chart.pngFileName());
      } catch (IllegalArgumentException e) {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        if (image == null) {
          throw new IOException("chart " + chart.baseName() + " is not a decodable PNG", e);
        }
        xobject = LosslessFactory.createFromImage(pdf, image);
      }
      float height = WIDTH * chart.height() / chart.width();
      need(height + 30);
      y -= height;
      stream.drawImage(xobject, MARGIN, y, WIDTH, height);
      y -= 2;
      text(chart.caption(), REGULAR, 8, 8);
    }

    void close() throws IOException {
      stream.close();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float max)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        String candidate = current.length() == 0 ? word : current + " " + word;
        if (width(font, size, candidate) <= max || current.length() == 0) {
          current.setLength(0);
          current.append(candidate);
        } else {
          lines.add(current.toString());
          current.setLength(0);
          current.append(word);
        }
      }
      lines.add(current.toString());
      return lines;
    }
  }
}
