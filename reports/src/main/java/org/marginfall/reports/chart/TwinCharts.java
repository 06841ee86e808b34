package org.marginfall.reports.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Base-versus-twin overlay charts of a counterfactual twin: each asset's market price, the
 * cumulative liquidated notional of all venues, and the bad debt of all venues, the base run solid
 * and the twin dashed on one axis, so a reader sees when and by how much the twin's change moved
 * the cascade. Both runs share their seed, so before the paths part they lie on top of each other.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds new charts).
 */
public final class TwinCharts {

  /** The per-venue cumulative bad debt column prefix of {@code timeseries.csv}. */
  private static final String BAD_DEBT = "bad_debt";

  static {
    Headless.ensure();
  }

  private TwinCharts() {}

  /**
   * @param base the base run's time series
   * @param twin the twin's time series
   * @param twinName the twin as named on the command line, for titles and legends
   * @param fileId the twin's directory name, for file names
   * @param baseCurrency the currency of prices and amounts
   * @return the charts: one price chart per asset with a market price, then liquidated notional,
   *     then bad debt
   */
  public static List<RenderedChart> overlays(
      TimeSeries base, TimeSeries twin, String twinName, String fileId, String baseCurrency) {
    List<RenderedChart> charts = new ArrayList<>();
    for (String asset : RunColumns.ids(base, RunColumns.MARKET_PRICE)) {
      String column = RunColumns.column(RunColumns.MARKET_PRICE, asset);
      if (!twin.hasColumn(column)) {
        continue;
      }
      charts.add(
          ChartRenderer.render(
              overlay(
                  "Twin " + twinName + ": market price of " + asset,
                  "price (" + baseCurrency + ")",
                  false,
                  twinName,
                  base,
                  base.column(column),
                  twin,
                  twin.column(column)),
              "twin-" + fileId + "-prices-" + asset,
              "Market price of "
                  + asset
                  + " per step in the base run (solid) and the twin "
                  + twinName
                  + " (dashed), in "
                  + baseCurrency
                  + "."));
    }
    charts.add(
        ChartRenderer.render(
            overlay(
                "Twin " + twinName + ": cumulative liquidated notional",
                "notional (" + baseCurrency + ")",
                true,
                twinName,
                base,
                cumulative(total(base, RunColumns.LIQUIDATED_NOTIONAL)),
                twin,
                cumulative(total(twin, RunColumns.LIQUIDATED_NOTIONAL))),
            "twin-" + fileId + "-liquidated",
            "Notional closed by liquidations on every venue, summed from the first step, in the base run (solid)"
                + " and the twin "
                + twinName
                + " (dashed), in "
                + baseCurrency
                + "."));
    charts.add(
        ChartRenderer.render(
            overlay(
                "Twin " + twinName + ": bad debt",
                "bad debt (" + baseCurrency + ")",
                true,
                twinName,
                base,
                total(base, BAD_DEBT),
                twin,
                total(twin, BAD_DEBT)),
            "twin-" + fileId + "-bad-debt",
            "Bad debt of every venue together (cumulative) in the base run (solid) and the twin "
                + twinName
                + " (dashed), in "
                + baseCurrency
                + "."));
    return List.copyOf(charts);
  }

  /** The sum over venues of a per-venue column, step by step; a missing cell counts as 0. */
  static double[] total(TimeSeries table, String metric) {
    double[] sum = new double[table.rowCount()];
    for (String venue : RunColumns.ids(table, metric)) {
      double[] v = table.column(RunColumns.column(metric, venue));
      for (int i = 0; i < sum.length; i++) {
        sum[i] += Double.isNaN(v[i]) ? 0 : v[i];
      }
    }
    return sum;
  }

  /** Running sums of {@code perStep}. */
  static double[] cumulative(double[] perStep) {
    double[] out = new double[perStep.length];
    double s = 0;
    for (int i = 0; i < perStep.length; i++) {
      s += perStep[i];
      out[i] = s;
    }
    return out;
  }

  private static JFreeChart overlay(
      String title,
      String axis,
      boolean includeZero,
      String twinName,
      TimeSeries base,
      double[] baseValues,
      TimeSeries twin,
      double[] twinValues) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("base", base.column(TimeSeriesReader.STEP), baseValues));
    data.addSeries(series("twin " + twinName, twin.column(TimeSeriesReader.STEP), twinValues));
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, Palette.color(0));
    lines.setSeriesStroke(0, ChartStyle.LINE);
    lines.setSeriesPaint(1, Palette.color(1));
    lines.setSeriesStroke(1, ChartStyle.DASHED);
    XYPlot plot =
        new XYPlot(data, ChartStyle.stepAxis(), ChartStyle.valueAxis(axis, includeZero), lines);
    StepTime.add(plot, base);
    return ChartStyle.chart(title, plot);
  }

  private static XYSeries series(String name, double[] x, double[] y) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < x.length; i++) {
      series.add(x[i], Double.isNaN(y[i]) ? null : y[i], false);
    }
    return series;
  }
}
