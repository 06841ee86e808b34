package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.TableXYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.ChartAssertions;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

class ReportChartsTest {

  static TimeSeries table;

  @BeforeAll
  static void readFixture(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(file, RunFixtures.timeseriesCsv());
    table = TimeSeriesReader.read(file);
  }

  @Test
  void drawsOnePriceChartPerAssetThenLiquidations() throws Exception {
    List<RenderedChart> charts = ReportCharts.render(table, "USD");
    assertEquals(
        List.of("prices-ETH", "liquidations"),
        charts.stream().map(RenderedChart::baseName).toList());
    assertEquals("Prices: ETH", charts.get(0).title());
    assertEquals("Liquidated notional per step", charts.get(1).title());
    for (RenderedChart chart : charts) {
      ChartAssertions.assertPng(chart.png(), 1000, 560);
      ChartAssertions.assertSvg(chart.svg().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void priceChartHasTheDocumentedSeriesAndANonZeroBasedAxis() {
    JFreeChart chart = PriceChart.create(table, "ETH", "USD");
    XYPlot plot = chart.getXYPlot();
    assertEquals("fundamental", plot.getDataset(0).getSeriesKey(0));
    assertEquals("market", plot.getDataset(0).getSeriesKey(1));
    assertEquals("oracle chainlink", plot.getDataset(1).getSeriesKey(0));
    assertEquals("step", plot.getDomainAxis().getLabel());
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    assertEquals("price (USD)", range.getLabel());
    assertFalse(range.getAutoRangeIncludesZero());
    assertTrue(range.getLowerBound() > 1000.0, "range starts at " + range.getLowerBound());
  }

  @Test
  void liquidationChartStacksVenuesInColumnOrder() {
    XYPlot plot = LiquidationChart.create(table, "EUR").getXYPlot();
    TableXYDataset dataset = (TableXYDataset) plot.getDataset();
    assertEquals(RunFixtures.VENUES, List.of(dataset.getSeriesKey(0), dataset.getSeriesKey(1)));
    assertEquals(RunFixtures.STEPS + 1, dataset.getItemCount());
    assertEquals("notional (EUR)", plot.getRangeAxis().getLabel());
  }

  @Test
  void outputIsTheSameEveryTimeAndInEveryLocale() {
    List<RenderedChart> first = ReportCharts.render(table, "USD");
    Locale saved = Locale.getDefault();
    List<RenderedChart> german;
    try {
      Locale.setDefault(Locale.GERMANY);
      german = ReportCharts.render(table, "USD");
    } finally {
      Locale.setDefault(saved);
    }
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).svg(), german.get(i).svg());
      assertArrayEquals(first.get(i).png(), german.get(i).png());
    }
  }

  @Test
  void assetWithoutMarketPriceIsReported() throws IOException {
    ReportException e =
        assertThrows(
            ReportException.class,
            () ->
                ReportCharts.render(
                    TimeSeries.of(
                        java.util.Map.of(
                            "step", new double[] {0}, "fundamental_price.BTC", new double[] {1})),
                    "USD"));
    assertEquals(
        "timeseries.csv: missing column 'market_price.BTC' (there is a 'fundamental_price.BTC')",
        e.getMessage());
  }

  @Test
  void tableWithoutVenuesStillGetsALiquidationChart() {
    TimeSeries prices = TimeSeries.of(java.util.Map.of("step", new double[] {0, 1}));
    List<RenderedChart> charts = ReportCharts.render(prices, "USD");
    assertEquals(List.of("liquidations"), charts.stream().map(RenderedChart::baseName).toList());
  }
}
