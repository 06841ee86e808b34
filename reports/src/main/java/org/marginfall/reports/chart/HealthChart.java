package org.marginfall.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The distribution of account health on one venue over time: a light band from the 5th to the 95th
 * percentile, a darker band from the 25th to the 75th and the median as a line (columns {@code
 * health_p05.<venue>} … {@code health_p95.<venue>}), on a logarithmic axis because health spans
 * orders of magnitude between a crowded liquidation threshold and idle collateral, with a dashed
 * line at health 1, where an account becomes liquidatable. Steps where no account carried risk
 * (empty cells) are left out. Health at or below {@link #FLOOR} (including negative equity), which
 * a log axis cannot show, is drawn at the floor, and the caption says so.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds a new chart).
 */
public final class HealthChart {

  /** The lowest health drawn; 1% of the requirement is deep in liquidation on every venue. */
  static final double FLOOR = 0.01;

  static {
    Headless.ensure();
  }

  private HealthChart() {}

  /**
   * One chart per venue that has health columns with at least one defined value, in column order.
   */
  public static List<RenderedChart> render(TimeSeries table) {
    List<RenderedChart> charts = new ArrayList<>();
    for (String venue : RunColumns.ids(table, RunColumns.HEALTH_COUNT)) {
      if (!hasValues(table, venue)) {
        continue;
      }
      boolean[] clamped = {false};
      JFreeChart chart = create(table, venue, clamped);
      charts.add(
          ChartRenderer.render(
              chart,
              "health-" + venue,
              String.format(
                  Locale.ROOT,
                  "Account health on %s per step: the band from the 5th to the 95th percentile, the darker band"
                      + " from the 25th to the 75th, and the median, over the accounts that carry risk"
                      + " (health = margin / requirement; below 1, dashed, an account is liquidatable;"
                      + " logarithmic axis).%s",
                  venue,
                  clamped[0]
                      ? " Health at or below "
                          + FLOOR
                          + " (including negative equity) is drawn at "
                          + FLOOR
                          + "."
                      : "")));
    }
    return List.copyOf(charts);
  }

  static boolean hasValues(TimeSeries table, String venue) {
    if (!table.hasColumn(RunColumns.column(RunColumns.HEALTH_P50, venue))) {
      return false;
    }
    for (double v : table.column(RunColumns.column(RunColumns.HEALTH_P50, venue))) {
      if (!Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param clamped set to true when some value was at or below the floor
   */
  static JFreeChart create(TimeSeries table, String venue, boolean[] clamped) {
    double[] steps = table.column(TimeSeriesReader.STEP);
    double[][] q = new double[RunColumns.HEALTH_QUANTILES.size()][];
    for (int i = 0; i < q.length; i++) {
      String column = RunColumns.column(RunColumns.HEALTH_QUANTILES.get(i), venue);
      q[i] = table.hasColumn(column) ? table.column(column) : new double[steps.length];
    }
    YIntervalSeries outer = new YIntervalSeries("5th–95th percentile");
    YIntervalSeries inner = new YIntervalSeries("25th–75th percentile");
    YIntervalSeries median = new YIntervalSeries("median");
    double[] low = {Double.POSITIVE_INFINITY};
    double[] high = {0};
    for (int t = 0; t < steps.length; t++) {
      if (Double.isNaN(q[2][t])) {
        continue;
      }
      double[] v = new double[q.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.max(FLOOR, q[i][t]);
        clamped[0] |= q[i][t] <= FLOOR;
      }
      low[0] = Math.min(low[0], v[0]);
      high[0] = Math.max(high[0], v[4]);
      outer.add(steps[t], v[2], v[0], v[4]);
      inner.add(steps[t], v[2], v[1], v[3]);
      median.add(steps[t], v[2], v[2], v[2]);
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(outer);
    dataset.addSeries(inner);
    dataset.addSeries(median);
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    Color blue = Palette.color(0);
    renderer.setSeriesFillPaint(0, blue);
    renderer.setSeriesFillPaint(1, blue);
    renderer.setSeriesFillPaint(2, blue);
    // The outer band's edges are drawn as a thin line in the fill colour, the median bold.
    renderer.setSeriesPaint(0, new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 0));
    renderer.setSeriesPaint(1, new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 0));
    renderer.setSeriesPaint(2, Color.BLACK);
    renderer.setSeriesStroke(2, ChartStyle.LINE);
    // Two translucent layers: the inner band, drawn over the outer one, is darker.
    renderer.setAlpha(0.3f);

    LogHealthAxis axis = new LogHealthAxis("health (margin / requirement, log scale)");
    axis.setSmallestValue(FLOOR);
    // The threshold is always in view: the distance to it is what the chart is for.
    double lo = Math.min(low[0], 0.8);
    double hi = Math.max(high[0], 1.25);
    if (lo <= hi) {
      // 4 % of the log range as margin on each side.
      double pad = StrictMath.pow(hi / lo, 0.04);
      axis.setRange(Math.max(FLOOR / 1.2, lo / pad), hi * pad);
    }
    ChartStyle.style(axis);
    XYPlot plot = new XYPlot(dataset, ChartStyle.stepAxis(), axis, renderer);
    plot.setNoDataMessage("no account carried risk");
    ValueMarker threshold = new ValueMarker(1.0, Palette.color(1), ChartStyle.DASHED);
    threshold.setLabel("liquidation threshold (health 1)");
    threshold.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
    threshold.setLabelPaint(Palette.color(1));
    threshold.setLabelBackgroundColor(new Color(255, 255, 255, 200));
    threshold.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    threshold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(threshold, org.jfree.chart.ui.Layer.FOREGROUND);
    // The bands' own legend items would show their (invisible) line colour: list the fills instead.
    org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
    java.awt.Shape box = new java.awt.Rectangle(-6, -6, 12, 12);
    legend.add(
        new org.jfree.chart.LegendItem(
            "5th–95th percentile",
            null,
            null,
            null,
            box,
            new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 77)));
    legend.add(
        new org.jfree.chart.LegendItem(
            "25th–75th percentile",
            null,
            null,
            null,
            box,
            new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 131)));
    legend.add(
        new org.jfree.chart.LegendItem(
            "median",
            null,
            null,
            null,
            new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
            ChartStyle.LINE,
            Color.BLACK));
    plot.setFixedLegendItems(legend);
    StepTime.add(plot, table);
    JFreeChart chart = ChartStyle.chart("Account health: " + venue, plot);
    return chart;
  }
}
