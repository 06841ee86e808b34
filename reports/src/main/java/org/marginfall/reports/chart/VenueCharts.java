package org.marginfall.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.marginfall.reports.data.RunColumns;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Per-venue charts of a run that exist in its data: insurance fund and cumulative bad debt per
 * venue over time (columns {@code insurance_fund.<venue>}, {@code bad_debt.<venue>}), and each
 * venue's family metrics over time (its extra {@code <metric>.<venue>} columns, e.g. a backstop's
 * NAV or an auction deficit) when it reports any, the quoted depth of markets that market makers
 * quote ({@code depth_factor.<asset>}), and the account health bands of each venue ({@link
 * HealthChart}).
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class VenueCharts {

  /** The six standard venue columns and the six health columns of docs/outputs.md. */
  static final Set<String> STANDARD =
      Set.of(
          "liquidations",
          "liquidated_notional",
          "bad_debt",
          "insurance_fund",
          "open_interest",
          "liquidatable",
          RunColumns.HEALTH_COUNT,
          "health_p05",
          "health_p25",
          RunColumns.HEALTH_P50,
          "health_p75",
          "health_p95");

  static {
    Headless.ensure();
  }

  private VenueCharts() {}

  /**
   * The charts in page order: insurance fund, bad debt, account health per venue that has health
   * columns with values, then one chart of extras per venue that has some.
   */
  public static List<RenderedChart> render(TimeSeries table, String baseCurrency) {
    List<RenderedChart> charts = new ArrayList<>();
    List<String> venues = RunColumns.ids(table, "liquidations");
    if (!RunColumns.ids(table, "insurance_fund").isEmpty()) {
      charts.add(
          ChartRenderer.render(
              perVenue(
                  table,
                  "insurance_fund",
                  "Insurance fund per venue",
                  "insurance fund (" + baseCurrency + ")"),
              "insurance-fund",
              "Insurance fund balance of each venue at the end of each step, in "
                  + baseCurrency
                  + "."));
    }
    if (!RunColumns.ids(table, "bad_debt").isEmpty()) {
      charts.add(
          ChartRenderer.render(
              perVenue(
                  table,
                  "bad_debt",
                  "Bad debt per venue",
                  "cumulative bad debt (" + baseCurrency + ")"),
              "bad-debt",
              "Cumulative bad debt of each venue (shortfalls its insurance fund could not cover), in "
                  + baseCurrency
                  + "."));
    }
    if (!RunColumns.ids(table, "depth_factor").isEmpty()) {
      charts.add(
          ChartRenderer.render(
              perVenue(
                  table,
                  "depth_factor",
                  "Quoted market depth",
                  "depth factor (share of the scenario's depth)"),
              "market-depth",
              "Share of each quoted market's depth that market makers left in the book at the end of"
                  + " each step (1 = the scenario's depth; lower means every sale moves the price more)."));
    }
    charts.addAll(HealthChart.render(table));
    for (String venue : venues) {
      Map<String, double[]> extras = extras(table, venue);
      if (extras.isEmpty()) {
        continue;
      }
      Map<String, List<String>> panels = panels(extras.keySet(), baseCurrency);
      List<String> parts = new ArrayList<>();
      panels.forEach((axis, metrics) -> parts.add(axis + ": " + String.join(", ", metrics)));
      charts.add(
          ChartRenderer.render(
              extrasChart(table, venue, baseCurrency),
              "venue-" + venue,
              "Family-specific metrics that venue "
                  + venue
                  + " reports each step, one panel per unit ("
                  + String.join("; ", parts)
                  + "; an exchange rate is underlying units per receipt;"
                  + " docs/venues.md defines them all).",
              ChartRenderer.HEIGHT + PANEL_HEIGHT * Math.max(0, panels.size() - 2)));
    }
    return List.copyOf(charts);
  }

  /** Extra height of a venue-metrics chart for each panel beyond two. */
  static final int PANEL_HEIGHT = 170;

  /**
   * The chart of the venue's extra metrics: one panel per unit ({@link VenueMetricUnits}), in the
   * order of the venue's columns, sharing the step axis, so a count never sits on an axis of
   * dollars and an exchange rate near 1 is not flattened against amounts of millions.
   */
  static JFreeChart extrasChart(TimeSeries table, String venue, String baseCurrency) {
    Map<String, double[]> extras = extras(table, venue);
    double[] steps = table.column(TimeSeriesReader.STEP);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.stepAxis());
    plot.setGap(12);
    int colour = 0;
    for (Map.Entry<String, List<String>> panel : panels(extras.keySet(), baseCurrency).entrySet()) {
      XYSeriesCollection dataset = new XYSeriesCollection();
      for (String metric : panel.getValue()) {
        dataset.addSeries(series(metric, steps, extras.get(metric)));
      }
      XYLineAndShapeRenderer lines = lines(dataset, colour);
      colour += dataset.getSeriesCount();
      NumberAxis axis =
          ChartStyle.valueAxis(panel.getKey(), VenueMetricUnits.includesZero(panel.getKey()));
      // Interest moves an exchange rate by parts per million, which a free axis would blow up into
      // a
      // cliff; a cut of a tenth of a percent or more still fills the axis.
      axis.setAutoRangeMinimumSize(VenueMetricUnits.minimumRange(panel.getKey()));
      XYPlot subplot = new XYPlot(dataset, null, axis, lines);
      ChartStyle.panel(subplot);
      plot.add(subplot, 1);
    }
    StepTime.add(plot, table);
    return ChartStyle.chart("Venue metrics: " + venue, plot);
  }

  /** Axis label to the metrics drawn against it, both in the order the metrics come. */
  static Map<String, List<String>> panels(Iterable<String> metrics, String baseCurrency) {
    Map<String, List<String>> panels = new LinkedHashMap<>();
    for (String metric : metrics) {
      panels
          .computeIfAbsent(VenueMetricUnits.axisLabel(metric, baseCurrency), k -> new ArrayList<>())
          .add(metric);
    }
    return panels;
  }

  /**
   * The venue's non-standard columns, metric name to values, in header order (never a market's
   * {@code depth_factor}).
   */
  static Map<String, double[]> extras(TimeSeries table, String venue) {
    Map<String, double[]> extras = new LinkedHashMap<>();
    String suffix = "." + venue;
    for (String column : table.columnNames()) {
      if (column.endsWith(suffix) && column.indexOf('.') == column.length() - suffix.length()) {
        String metric = column.substring(0, column.length() - suffix.length());
        if (!STANDARD.contains(metric)
            && !metric.equals("depth_factor")
            && !metric.equals(RunColumns.FUNDAMENTAL_PRICE)
            && !metric.equals(RunColumns.MARKET_PRICE)) {
          extras.put(metric, table.column(column));
        }
      }
    }
    return extras;
  }

  static JFreeChart perVenue(TimeSeries table, String metric, String title, String axis) {
    double[] steps = table.column(TimeSeriesReader.STEP);
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (String venue : RunColumns.ids(table, metric)) {
      dataset.addSeries(series(venue, steps, table.column(RunColumns.column(metric, venue))));
    }
    XYPlot plot =
        new XYPlot(
            dataset, ChartStyle.stepAxis(), ChartStyle.valueAxis(axis, true), lines(dataset));
    StepTime.add(plot, table);
    return ChartStyle.chart(title, plot);
  }

  private static XYLineAndShapeRenderer lines(XYSeriesCollection dataset) {
    return lines(dataset, 0);
  }

  /**
   * Lines coloured from palette position {@code firstColour} on, so panels of one chart share no
   * colour.
   */
  private static XYLineAndShapeRenderer lines(XYSeriesCollection dataset, int firstColour) {
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      lines.setSeriesPaint(i, Palette.color(firstColour + i));
      lines.setSeriesStroke(i, ChartStyle.LINE);
    }
    return lines;
  }

  private static XYSeries series(String name, double[] x, double[] y) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < x.length; i++) {
      series.add(x[i], Double.isNaN(y[i]) ? null : y[i], false);
    }
    return series;
  }
}
