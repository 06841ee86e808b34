package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;

/** Every chart over steps also shows the simulated time, on a second axis above the plot. */
class StepTimeTest {

  static TimeSeries table;

  @BeforeAll
  static void readFixture(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(file, RunFixtures.timeseriesCsvWithHealth());
    table = TimeSeriesReader.read(file);
  }

  /**
   * The time axis of the plot that carries it: the plot itself, or the top panel of a combined
   * plot.
   */
  static ValueAxis timeAxis(JFreeChart chart) {
    XYPlot plot =
        chart.getXYPlot() instanceof CombinedDomainXYPlot c
            ? c.getSubplots().get(0)
            : chart.getXYPlot();
    return plot.getDomainAxis(1);
  }

  /**
   * The fixture's 30 steps of 60 s are half an hour: minutes, 1 per step, over the step axis's
   * range.
   */
  static void assertMinutesOverTheStepAxis(JFreeChart chart) {
    ValueAxis time = timeAxis(chart);
    ValueAxis steps = chart.getXYPlot().getDomainAxis();
    assertEquals("time (min)", time.getLabel());
    assertEquals(steps.getLowerBound(), time.getLowerBound(), 1e-9);
    assertEquals(steps.getUpperBound(), time.getUpperBound(), 1e-9);
  }

  @Test
  void test_everyStepChart_hasATimeAxisInMinutes() {
    assertMinutesOverTheStepAxis(PriceChart.create(table, "ETH", "USD"));
    assertMinutesOverTheStepAxis(LiquidationChart.create(table, "USD"));
    assertMinutesOverTheStepAxis(HealthChart.create(table, "perp-cross", new boolean[1]));
    assertMinutesOverTheStepAxis(
        VenueCharts.perVenue(table, "insurance_fund", "Insurance fund", "USD"));
  }

  @Test
  void test_venueMetrics_timeAxisOnTheTopPanel() {
    TimeSeries t =
        TimeSeries.of(
            new LinkedHashMap<>(
                Map.of(
                    "step",
                    new double[] {0, 1, 2},
                    "time_s",
                    new double[] {0, 7200, 14400},
                    "liquidations.v",
                    new double[] {0, 0, 0},
                    "activeAuctions.v",
                    new double[] {1, 2, 3},
                    "systemDebt.v",
                    new double[] {1e6, 2e6, 3e6})));
    JFreeChart chart = VenueCharts.extrasChart(t, "v", "USD");
    assertEquals("time (h)", timeAxis(chart).getLabel());
    // Two hours a step.
    assertEquals(
        2 * chart.getXYPlot().getDomainAxis().getUpperBound(),
        timeAxis(chart).getUpperBound(),
        1e-9);
    assertNull(((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(1).getDomainAxis(1));
  }

  @Test
  void test_unit_followsTheHorizon() {
    assertEquals("s", StepTime.unit(120).label());
    assertEquals("min", StepTime.unit(90 * 60).label());
    assertEquals("h", StepTime.unit(4 * 3600).label());
    assertEquals("days", StepTime.unit(30 * 86400).label());
  }

  @Test
  void test_withoutTimeColumn_noTimeAxis() {
    TimeSeries t =
        TimeSeries.of(
            new LinkedHashMap<>(
                Map.of("step", new double[] {0, 1}, "liquidated_notional.v", new double[] {0, 5})));
    assertNull(LiquidationChart.create(t, "USD").getXYPlot().getDomainAxis(1));
  }
}
