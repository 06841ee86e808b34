package org.marginfall.reports.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.marginfall.reports.data.OracleFailure;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Draws the charts the output contract lists, from a run's time series alone: one price chart per
 * asset that has a {@code fundamental_price.<asset>} column (in column order), then the liquidation
 * chart. Nothing is written to disk here, so the caller decides where and how files land.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds new charts).
 */
public final class ReportCharts {

  static {
    // Before any chart class touches AWT.
    Headless.ensure();
  }

  private ReportCharts() {}

  /**
   * @param table the run's {@code timeseries.csv}
   * @param baseCurrency the currency of prices and notional, for axis labels
   * @return the charts in page order
   * @throws ReportException if a column the charts need is missing or an id is invalid
   */
  public static List<RenderedChart> render(TimeSeries table, String baseCurrency) {
    return render(table, baseCurrency, new TreeSet<>());
  }

  /**
   * The run charts with the ticks of scheduled shocks shaded.
   *
   * @param shockSteps the steps in which a shock moved a fundamental price
   */
  public static List<RenderedChart> render(
      TimeSeries table, String baseCurrency, SortedSet<Long> shockSteps) {
    return render(table, baseCurrency, shockSteps, List.of());
  }

  /**
   * The run charts with the ticks of scheduled shocks and of scheduled oracle failures shaded: a
   * price chart shows the failures of its asset's feeds, the liquidation chart every failure.
   *
   * @param shockSteps the steps in which a shock moved a fundamental price
   * @param oracleFailures the scenario's scheduled oracle failures
   */
  public static List<RenderedChart> render(
      TimeSeries table,
      String baseCurrency,
      SortedSet<Long> shockSteps,
      List<OracleFailure> oracleFailures) {
    List<RenderedChart> charts = new ArrayList<>();
    for (String asset : RunColumns.ids(table, RunColumns.FUNDAMENTAL_PRICE)) {
      boolean oracles = !RunColumns.oracles(table, asset).isEmpty();
      String caption =
          (oracles ? "Fundamental, market and oracle prices" : "Fundamental and market prices")
              + " of "
              + asset
              + " per step, in "
              + baseCurrency
              + ".";
      JFreeChart price = PriceChart.create(table, asset, baseCurrency);
      ShockMarkers.add(price.getXYPlot(), shockSteps);
      ShockMarkers.addOracleFailures(price.getXYPlot(), oracleFailures, asset);
      charts.add(ChartRenderer.render(price, "prices-" + asset, caption));
    }
    JFreeChart liquidations = LiquidationChart.create(table, baseCurrency);
    ShockMarkers.add(liquidations.getXYPlot(), shockSteps);
    ShockMarkers.addOracleFailures(liquidations.getXYPlot(), oracleFailures, null);
    charts.add(
        ChartRenderer.render(
            liquidations,
            "liquidations",
            "Notional closed by liquidations in each step, stacked by venue, in "
                + baseCurrency
                + "."));
    return List.copyOf(charts);
  }
}
