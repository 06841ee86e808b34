package org.marginfall.reports.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.RunFiles;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;

/**
 * The price chart of one asset: fundamental and market price as lines, and each oracle's published
 * price as a dashed step line (an oracle holds its last value until it publishes again, so a step
 * is what it really reported). The gap between the lines is the price impact and oracle lag that
 * drive liquidation cascades.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds a new chart).
 */
final class PriceChart {

  private PriceChart() {}

  /**
   * @throws ReportException if the asset has a fundamental price column but no market price column
   */
  static JFreeChart create(TimeSeries table, String asset, String baseCurrency) {
    String market = RunColumns.column(RunColumns.MARKET_PRICE, asset);
    if (!table.hasColumn(market)) {
      throw new ReportException(
          RunFiles.TIMESERIES,
          "missing column '"
              + market
              + "' (there is a '"
              + RunColumns.column(RunColumns.FUNDAMENTAL_PRICE, asset)
              + "')");
    }
    double[] steps = table.column(TimeSeriesReader.STEP);

    XYSeriesCollection prices = new XYSeriesCollection();
    prices.addSeries(
        series(
            "fundamental",
            steps,
            table.column(RunColumns.column(RunColumns.FUNDAMENTAL_PRICE, asset))));
    prices.addSeries(series("market", steps, table.column(market)));
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < prices.getSeriesCount(); i++) {
      lines.setSeriesPaint(i, Palette.color(i));
      lines.setSeriesStroke(i, ChartStyle.LINE);
    }

    XYPlot plot =
        new XYPlot(
            prices,
            ChartStyle.stepAxis(),
            ChartStyle.valueAxis("price (" + baseCurrency + ")", false),
            lines);

    List<String> oracles = RunColumns.oracles(table, asset);
    if (!oracles.isEmpty()) {
      XYSeriesCollection published = new XYSeriesCollection();
      XYStepRenderer oracleLines = new XYStepRenderer();
      oracleLines.setDefaultShapesVisible(false);
      for (int i = 0; i < oracles.size(); i++) {
        published.addSeries(
            series(
                "oracle " + oracles.get(i),
                steps,
                table.column(RunColumns.oracleColumn(oracles.get(i), asset))));
        // Colours continue after fundamental and market so no two series share one.
        oracleLines.setSeriesPaint(i, Palette.color(prices.getSeriesCount() + i));
        oracleLines.setSeriesStroke(i, ChartStyle.DASHED);
      }
      plot.setDataset(1, published);
      plot.setRenderer(1, oracleLines);
    }
    StepTime.add(plot, table);
    return ChartStyle.chart("Prices: " + asset, plot);
  }

  /** Empty cells (NaN) become missing values, which the renderers draw as gaps. */
  private static XYSeries series(String name, double[] x, double[] y) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < x.length; i++) {
      series.add(x[i], Double.isNaN(y[i]) ? null : y[i], false);
    }
    return series;
  }
}
