package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;

/** Venue metrics of different units never share an axis. */
class VenueChartsTest {

  static TimeSeries table;

  /**
   * A lending venue whose USD receipts lose 5% at step 5 (a socialised deficit cuts the exchange
   * rate), beside utilisation and rates in [0, 1] and tens of millions supplied; a CDP with an
   * auction count beside USD amounts.
   */
  @BeforeAll
  static void readFixture(@TempDir Path dir) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "step,time_s,liquidations.lend,utilisation_USD.lend,"
                + "exchange_rate_USD.lend,borrow_rate_USD.lend,total_supplied.lend,deficit.lend,"
                + "liquidations.cdp,activeAuctions.cdp,collateralInAuction.cdp,systemDebt.cdp\n");
    for (int t = 0; t < 10; t++) {
      csv.append(t)
          .append(',')
          .append(60 * t)
          .append(",0,")
          .append(0.5 + 0.01 * t)
          .append(',')
          .append(t < 5 ? 1.0 + 1e-6 * t : 0.95)
          .append(',')
          .append(0.03)
          .append(',')
          .append(4.0e7 - 1.0e6 * t)
          .append(',')
          .append(t < 5 ? 0 : 2.0e6)
          .append(",0,")
          .append(t % 4)
          .append(',')
          .append(5.0e6 * t)
          .append(',')
          .append(1.0e6 * t)
          .append('\n');
    }
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(file, csv.toString());
    table = TimeSeriesReader.read(file);
  }

  /** The chart's panels: the subplots of a combined plot, else the one plot. */
  static List<XYPlot> panels(JFreeChart chart) {
    return chart.getXYPlot() instanceof CombinedDomainXYPlot combined
        ? combined.getSubplots()
        : List.of(chart.getXYPlot());
  }

  /** Axis label to the series drawn against it, panels in order. */
  static Map<String, List<String>> seriesByAxis(JFreeChart chart) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (XYPlot panel : panels(chart)) {
      for (int a = 0; a < panel.getRangeAxisCount(); a++) {
        List<String> keys = new ArrayList<>();
        for (int d = 0; d < panel.getDatasetCount(); d++) {
          XYDataset dataset = panel.getDataset(d);
          if (dataset != null && panel.getRangeAxisForDataset(d) == panel.getRangeAxis(a)) {
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
              keys.add(String.valueOf(dataset.getSeriesKey(s)));
            }
          }
        }
        out.put(panel.getRangeAxis(a).getLabel(), keys);
      }
    }
    return out;
  }

  @Test
  void test_lendingMetrics_oneUnitPerAxis() {
    JFreeChart chart = VenueCharts.extrasChart(table, "lend", "USD");
    assertEquals(
        Map.of(
            "fraction (1 = 100%)", List.of("utilisation_USD", "borrow_rate_USD"),
            "exchange rate", List.of("exchange_rate_USD"),
            "amount (USD)", List.of("total_supplied", "deficit")),
        seriesByAxis(chart));
    assertEquals(
        List.of("fraction (1 = 100%)", "exchange rate", "amount (USD)"),
        List.copyOf(seriesByAxis(chart).keySet()),
        "panels in the order of the venue's columns");
  }

  @Test
  void test_exchangeRateCut_fillsMostOfItsAxis() {
    JFreeChart chart = VenueCharts.extrasChart(table, "lend", "USD");
    ValueAxis rate =
        panels(chart).stream()
            .map(p -> p.getRangeAxis())
            .filter(a -> a.getLabel().startsWith("exchange rate"))
            .findFirst()
            .orElseThrow();
    // The 5% cut from 1.0 to 0.95 spans at least half the axis, so a reader sees it.
    double span = rate.getUpperBound() - rate.getLowerBound();
    assertTrue(0.05 / span > 0.5, "axis " + rate.getRange());
  }

  @Test
  void test_cdpMetrics_countApartFromAmounts() {
    JFreeChart chart = VenueCharts.extrasChart(table, "cdp", "USD");
    assertEquals(
        Map.of(
            "count",
            List.of("activeAuctions"),
            "amount (USD)",
            List.of("collateralInAuction", "systemDebt")),
        seriesByAxis(chart));
  }

  @Test
  void test_unknownMetric_getsAnAxisOfItsOwn() {
    TimeSeries t =
        TimeSeries.of(
            new LinkedHashMap<>(
                Map.of(
                    "step",
                    new double[] {0, 1},
                    "liquidations.v",
                    new double[] {0, 0},
                    "fooIndex.v",
                    new double[] {3, 4},
                    "systemDebt.v",
                    new double[] {1e6, 2e6})));
    Map<String, List<String>> axes = seriesByAxis(VenueCharts.extrasChart(t, "v", "EUR"));
    assertEquals(List.of("fooIndex"), axes.get("fooIndex"));
    assertEquals(List.of("systemDebt"), axes.get("amount (EUR)"));
  }
}
