package org.marginfall.reports.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Draws a chart as PNG and SVG at a fixed size. The output is a function of the chart alone:
 * JFreeSVG would otherwise prefix its clip-path ids with {@code System.nanoTime()}, which would
 * make every SVG differ from the last, so the prefix is set from the chart's file name (which also
 * keeps ids unique should several SVGs ever be inlined into one page).
 *
 * <p>The PNG is opaque RGB, not ARGB: the background is opaque white anyway, and PDFBox embeds an
 * RGB PNG's compressed data in the PDF as it is, where an alpha channel forces it to decode the
 * image and compress it again (the slowest part of a report before).
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class ChartRenderer {

  static final int WIDTH = 1000;
  static final int HEIGHT = 560;

  static {
    Headless.ensure();
  }

  private ChartRenderer() {}

  static RenderedChart render(JFreeChart chart, String baseName, String caption) {
    return render(chart, baseName, caption, HEIGHT);
  }

  /**
   * As {@link #render(JFreeChart, String, String)}, {@code height} pixels tall (charts of several
   * panels).
   */
  static RenderedChart render(JFreeChart chart, String baseName, String caption, int height) {
    return new RenderedChart(
        baseName,
        chart.getTitle().getText(),
        caption,
        WIDTH,
        height,
        png(chart, height),
        svg(chart, baseName, height));
  }

  private static byte[] png(JFreeChart chart, int height) {
    // Not ChartUtils.writeChartAsPNG: it always draws into an ARGB image and writes the alpha
    // channel whatever its encodeAlpha flag says, through ImageIO's slow PNG writer.
    return PngEncoder.encode(
        chart.createBufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB, null));
  }

  private static String svg(JFreeChart chart, String baseName, int height) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    g.setDefsKeyPrefix(baseName + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, height));
    // Not getSVGDocument(): its DOCTYPE points at the W3C's SVG 1.0 DTD, which XML tools may try
    // to download; a plain declaration keeps the file readable offline and states the encoding.
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
  }
}
