package org.marginfall.reports.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;

/**
 * Liquidated notional per step as bars stacked by venue: the height is the market-wide selling
 * pressure from liquidations, and the stack shows which venue it came from and when contagion
 * reached the next one.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds a new chart).
 */
final class LiquidationChart {

  private LiquidationChart() {}

  static JFreeChart create(TimeSeries table, String baseCurrency) {
    double[] steps = table.column(TimeSeriesReader.STEP);
    List<String> venues = RunColumns.ids(table, RunColumns.LIQUIDATED_NOTIONAL);

    CategoryTableXYDataset dataset = new CategoryTableXYDataset();
    StackedXYBarRenderer bars = new StackedXYBarRenderer(0.15);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    for (int v = 0; v < venues.size(); v++) {
      double[] notional =
          table.column(RunColumns.column(RunColumns.LIQUIDATED_NOTIONAL, venues.get(v)));
      for (int i = 0; i < steps.length; i++) {
        // A missing cell stays missing (not 0) but still registers the series, so colours
        // keep following venue order even for a venue with no values at all.
        dataset.add(steps[i], Double.isNaN(notional[i]) ? null : notional[i], venues.get(v), false);
      }
      bars.setSeriesPaint(v, Palette.color(v));
    }

    XYPlot plot =
        new XYPlot(
            dataset,
            ChartStyle.stepAxis(),
            ChartStyle.valueAxis("notional (" + baseCurrency + ")", true),
            bars);
    plot.setNoDataMessage("no liquidated_notional columns");
    StepTime.add(plot, table);
    return ChartStyle.chart("Liquidated notional per step", plot);
  }
}
