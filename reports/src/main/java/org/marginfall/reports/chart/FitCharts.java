package org.marginfall.reports.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Charts of a fitted distribution against the data it was fitted to, for {@code calibrate}: a
 * density histogram with fitted density curves, a QQ plot, and an empirical against a fitted CDF.
 * The callers compute the curves (the models live in experiments); this class only draws them in
 * the reports' style.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds a new chart).
 */
public final class FitCharts {

  /**
   * A named curve or point set.
   *
   * @param name the legend's label
   * @param x the x values
   * @param y the y values, one per x
   */
  public record Series(String name, double[] x, double[] y) {

    /** Checks the lengths and copies the arrays. */
    public Series {
      Objects.requireNonNull(name, "name");
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "x and y differ in length: " + x.length + " and " + y.length);
      }
      x = x.clone();
      y = y.clone();
    }
  }

  static {
    Headless.ensure();
  }

  private FitCharts() {}

  /**
   * A histogram of {@code values} scaled to a density (bar area 1 in all), under the fitted
   * densities drawn as lines.
   *
   * @param edges the bins' edges, ascending ({@code edges.length - 1} bins; values outside are not
   *     counted)
   */
  public static RenderedChart densityHistogram(
      String baseName,
      String title,
      String xLabel,
      double[] values,
      double[] edges,
      List<Series> densities,
      String caption) {
    XYIntervalSeries bars = new XYIntervalSeries("data (" + values.length + ")");
    double[] counts = new double[edges.length - 1];
    for (double v : values) {
      int bin = java.util.Arrays.binarySearch(edges, v);
      bin = bin >= 0 ? Math.min(bin, counts.length - 1) : -bin - 2;
      if (bin >= 0 && bin < counts.length) {
        counts[bin]++;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      double width = edges[i + 1] - edges[i];
      double height = counts[i] / values.length / width;
      bars.add((edges[i] + edges[i + 1]) / 2, edges[i], edges[i + 1], height, height, height);
    }
    XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
    barData.addSeries(bars);
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setDrawBarOutline(true);
    barRenderer.setSeriesPaint(0, new Color(0xC8, 0xD7, 0xE8));
    barRenderer.setSeriesOutlinePaint(0, Color.GRAY);
    XYPlot plot =
        new XYPlot(
            barData,
            ChartStyle.valueAxis(xLabel, false),
            ChartStyle.valueAxis("density", true),
            barRenderer);
    plot.setDataset(1, collection(densities));
    plot.setRenderer(1, lineRenderer(densities.size(), 1));
    return ChartRenderer.render(ChartStyle.chart(title, plot), baseName, caption);
  }

  /**
   * Points (the first series: the data) against lines (the rest: fitted curves, a reference
   * diagonal); a QQ plot or an empirical against a fitted CDF.
   */
  public static RenderedChart pointsAndLines(
      String baseName,
      String title,
      String xLabel,
      String yLabel,
      Series points,
      List<Series> lines,
      String caption) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series(points));
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, Palette.color(0));
    dots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    XYPlot plot =
        new XYPlot(
            data, ChartStyle.valueAxis(xLabel, false), ChartStyle.valueAxis(yLabel, false), dots);
    plot.setDataset(1, collection(lines));
    plot.setRenderer(1, lineRenderer(lines.size(), 1));
    return ChartRenderer.render(ChartStyle.chart(title, plot), baseName, caption);
  }

  static XYSeriesCollection collection(List<Series> list) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Series s : list) {
      data.addSeries(series(s));
    }
    return data;
  }

  static XYLineAndShapeRenderer lineRenderer(int count, int firstColour) {
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < count; i++) {
      lines.setSeriesPaint(i, Palette.color(firstColour + i));
      lines.setSeriesStroke(i, i % 2 == 0 ? ChartStyle.LINE : ChartStyle.DASHED);
    }
    return lines;
  }

  private static XYSeries series(Series s) {
    // Not sorted: a curve is drawn in the order given; duplicates allowed (tied data points).
    XYSeries series = new XYSeries(s.name(), false, true);
    for (int i = 0; i < s.x().length; i++) {
      series.add(s.x()[i], s.y()[i], false);
    }
    return series;
  }
}
