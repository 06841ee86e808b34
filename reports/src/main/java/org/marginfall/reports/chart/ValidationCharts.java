package org.marginfall.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Validation charts: a simulated statistic with its confidence interval at each swept value, beside
 * the curves a paper derives analytically, with vertical markers at analytic thresholds (a
 * contagion window's edges). The callers compute the curves; this class only draws them in the
 * reports' style, as {@link FitCharts} does for calibration.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds a new chart).
 */
public final class ValidationCharts {

  private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /**
   * Simulated estimates with their intervals.
   *
   * @param name the legend's label
   * @param x the swept values
   * @param y the estimates, one per x
   * @param low the intervals' lower ends, one per x
   * @param high the intervals' upper ends, one per x
   */
  public record Estimates(String name, double[] x, double[] y, double[] low, double[] high) {

    /** Checks the lengths and copies the arrays. */
    public Estimates {
      Objects.requireNonNull(name, "name");
      if (y.length != x.length || low.length != x.length || high.length != x.length) {
        throw new IllegalArgumentException("x, y, low and high differ in length");
      }
      x = x.clone();
      y = y.clone();
      low = low.clone();
      high = high.clone();
    }
  }

  /**
   * A vertical marker.
   *
   * @param label the text drawn beside it
   * @param x where it stands
   */
  public record Marker(String label, double x) {

    /** Checks the label. */
    public Marker {
      Objects.requireNonNull(label, "label");
    }
  }

  static {
    Headless.ensure();
  }

  private ValidationCharts() {}

  /**
   * The estimates as points with vertical interval bars, the curves as lines (solid, then dashed),
   * and the markers as grey vertical lines; the y axis includes zero, the x axis spans {@code
   * [xLow, xHigh]} (the same for charts of one sweep, whichever points a metric has).
   */
  public static RenderedChart estimatesAndCurves(
      String baseName,
      String title,
      String xLabel,
      String yLabel,
      double xLow,
      double xHigh,
      Estimates estimates,
      List<FitCharts.Series> curves,
      List<Marker> markers,
      String caption) {
    YIntervalSeries points = new YIntervalSeries(estimates.name(), false, true);
    for (int i = 0; i < estimates.x().length; i++) {
      points.add(estimates.x()[i], estimates.y()[i], estimates.low()[i], estimates.high()[i]);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(points);
    XYErrorRenderer bars = new XYErrorRenderer();
    bars.setDrawXError(false);
    bars.setDefaultLinesVisible(false);
    bars.setSeriesPaint(0, Palette.color(0));
    bars.setErrorPaint(Palette.color(0));
    bars.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    NumberAxis xAxis = ChartStyle.valueAxis(xLabel, false);
    xAxis.setRange(xLow, xHigh);
    XYPlot plot = new XYPlot(data, xAxis, ChartStyle.valueAxis(yLabel, true), bars);
    if (!curves.isEmpty()) {
      plot.setDataset(1, FitCharts.collection(curves));
      plot.setRenderer(1, FitCharts.lineRenderer(curves.size(), 1));
    }
    for (Marker m : markers) {
      plot.addDomainMarker(marker(m));
    }
    return ChartRenderer.render(ChartStyle.chart(title, plot), baseName, caption);
  }

  private static ValueMarker marker(Marker m) {
    ValueMarker marker = new ValueMarker(m.x(), Color.GRAY, ChartStyle.DASHED);
    marker.setLabel(m.label());
    marker.setLabelFont(MARKER_FONT);
    marker.setLabelPaint(Color.DARK_GRAY);
    marker.setLabelBackgroundColor(Color.WHITE);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }
}
