package org.marginfall.reports.chart;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.reports.ReportException;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;

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

    private ReportCharts() {
    }

    /**
     * @param table the run's {@code timeseries.csv}
     * @param baseCurrency the currency of prices and notional, for axis labels
     * @return the charts in page order
     * @throws ReportException if a column the charts need is missing or an id is invalid
     */
    public static List<RenderedChart> render(TimeSeries table, String baseCurrency) {
        List<RenderedChart> charts = new ArrayList<>();
        for (String asset : RunColumns.ids(table, RunColumns.FUNDAMENTAL_PRICE)) {
            boolean oracles = !RunColumns.oracles(table, asset).isEmpty();
            String caption = (oracles ? "Fundamental, market and oracle prices" : "Fundamental and market prices")
                    + " of " + asset + " per step, in " + baseCurrency + ".";
            charts.add(ChartRenderer.render(PriceChart.create(table, asset, baseCurrency),
                    "prices-" + asset, caption));
        }
        charts.add(ChartRenderer.render(LiquidationChart.create(table, baseCurrency), "liquidations",
                "Notional closed by liquidations in each step, stacked by venue, in " + baseCurrency + "."));
        return List.copyOf(charts);
    }
}
