package org.marginfall.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by all report charts. Charts are styled here explicitly instead of through {@code
 * ChartFactory} because the factory applies a global, mutable chart theme that any other code in
 * the JVM could change, and the same inputs must give the same pixels. Tick labels are formatted
 * with {@link Locale#ROOT} so a German default locale does not turn {@code 2,500} into {@code
 * 2.500}.
 *
 * <p>This class has no mutable state: it is immutable and thread-safe.
 */
final class ChartStyle {

  /** Logical font names resolve on every JVM; JFreeSVG maps them to generic CSS families. */
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);

  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  static final BasicStroke LINE =
      new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  /** Oracle prices are drawn dashed so they stay apart from market prices without colour. */
  static final BasicStroke DASHED =
      new BasicStroke(
          1.5f,
          BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER,
          10.0f,
          new float[] {6.0f, 4.0f},
          0.0f);

  private ChartStyle() {}

  /** The x axis of every chart: integer step numbers, not forced to start at zero. */
  static NumberAxis stepAxis() {
    NumberAxis axis = axis("step");
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    axis.setAutoRangeIncludesZero(false);
    // Default 5 % margins push the first tick to -2 on a 30-step run; steps start at 0.
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.01);
    return axis;
  }

  /** A value axis; prices must not include zero, or a 10 % crash would look flat. */
  static NumberAxis valueAxis(String label, boolean includeZero) {
    NumberAxis axis = axis(label);
    axis.setStandardTickUnits(tickUnits());
    axis.setAutoRangeIncludesZero(includeZero);
    return axis;
  }

  /**
   * Tick sizes 1, 2 and 5 times a power of ten from 10^-10 to 10^15, each labelled with thousands
   * separators and exactly as many decimals as the size needs ({@code 14,000,000}, {@code 0.0005},
   * {@code 1.0002}). JFreeChart's own standard units share one number format of at most three
   * decimals, which labels every tick of an axis from 1.0000 to 1.0005 as "1". A new source per
   * axis: a {@code DecimalFormat} is not thread-safe, and a report draws its venue charts on a
   * second thread while the others are drawn (a shared source once failed a report with a {@code
   * NullPointerException} inside {@code DecimalFormat}).
   */
  static TickUnitSource tickUnits() {
    TickUnits units = new TickUnits();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    for (int power = -10; power <= 15; power++) {
      int decimals = Math.max(0, -power);
      DecimalFormat format =
          new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""), symbols);
      for (int m : new int[] {1, 2, 5}) {
        units.add(new NumberTickUnit(Double.parseDouble(m + "E" + power), format, m == 2 ? 4 : 5));
      }
    }
    return units;
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    style(axis);
    return axis;
  }

  /** Gives any axis the shared fonts and colours. */
  static void style(org.jfree.chart.axis.Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.BLACK);
  }

  /** Gives one panel of a combined plot the shared background and grid. */
  static void panel(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  /** A chart around {@code plot} with the shared title, legend, background and antialiasing. */
  static JFreeChart chart(String title, XYPlot plot) {
    panel(plot);

    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LABEL);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }
}
