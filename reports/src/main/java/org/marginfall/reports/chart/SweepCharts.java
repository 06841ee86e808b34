package org.marginfall.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.marginfall.reports.data.CsvTable;
import org.marginfall.reports.data.SweepData;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.doc.RenderedChart;
import org.marginfall.reports.risk.RiskMeasures;

/**
 * Draws the charts of a sweep report from its result files alone (never a live model): each metric
 * against each swept parameter with a 95% confidence band, two-parameter heatmaps for grid designs,
 * Sobol indices with their bootstrap intervals, and loss distributions with VaR and expected
 * shortfall marked.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class SweepCharts {

  static {
    Headless.ensure();
  }

  private SweepCharts() {}

  /** A file-name-safe form of a metric or parameter name. */
  public static String slug(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /**
   * A parameter value as an axis shows it: a number as {@link Numbers#format} writes it ({@code
   * 14,000,000} for the {@code 1.4E7} and {@code 6,000,000} for the {@code 6000000.0} that runs.csv
   * holds), anything else as it is.
   */
  public static String axisLabel(String value) {
    double n = CsvTable.number(value);
    return Double.isNaN(n) ? value : Numbers.format(n);
  }

  /**
   * Mean and 95% percentile bootstrap interval of the mean of the values at one level of a
   * parameter.
   */
  public record Level(String label, double x, int n, double mean, double low, double high) {}

  /**
   * The metric's successful-run values grouped by the parameter's value: mean and the 95%
   * percentile bootstrap interval of the mean ({@link RiskMeasures#bootstrap95}; it stays within
   * the values' range, so a bad debt's band never goes below zero; it collapses to the mean for
   * {@code n = 1}). With several parameters, a level pools every run at that value, so the mean and
   * band average over the replications and the other parameters' values.
   */
  public static List<Level> levels(SweepData data, String metric, String parameter) {
    int pc = data.runs().index(parameter);
    int mc = data.runs().index(metric);
    Map<String, List<Double>> groups = new LinkedHashMap<>();
    List<double[]> pairs = new ArrayList<>();
    for (List<String> row : data.okRuns()) {
      double v = CsvTable.number(row.get(mc));
      if (!Double.isNaN(v)) {
        groups.computeIfAbsent(row.get(pc), k -> new ArrayList<>()).add(v);
        pairs.add(new double[] {CsvTable.number(row.get(pc)), v});
      }
    }
    boolean numeric = groups.keySet().stream().allMatch(k -> !Double.isNaN(CsvTable.number(k)));
    if (numeric && !"grid".equals(data.design()) && groups.size() > BINS) {
      return binned(pairs);
    }
    Map<Double, String> order = new TreeMap<>();
    List<String> keys = new ArrayList<>(groups.keySet());
    if (!numeric) {
      keys.sort(null);
    }
    for (int i = 0; i < keys.size(); i++) {
      order.put(numeric ? CsvTable.number(keys.get(i)) : i, keys.get(i));
    }
    List<Level> levels = new ArrayList<>();
    order.forEach(
        (x, key) ->
            levels.add(
                level(
                    key, x, groups.get(key).stream().mapToDouble(Double::doubleValue).toArray())));
    return levels;
  }

  /** Bins of a continuous parameter in random, LHS and Sobol designs. */
  static final int BINS = 8;

  /**
   * Random, LHS and Sobol designs give (nearly) every run its own parameter value, so a band per
   * value would rest on one or two runs: the runs are sorted by the parameter and cut into {@value
   * #BINS} groups of equal count instead, each placed at its mean parameter value.
   */
  private static List<Level> binned(List<double[]> pairs) {
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    List<Level> levels = new ArrayList<>();
    int n = pairs.size();
    for (int k = 0; k < BINS; k++) {
      List<double[]> bin = pairs.subList(k * n / BINS, (k + 1) * n / BINS);
      if (bin.isEmpty()) {
        continue;
      }
      double x = bin.stream().mapToDouble(p -> p[0]).average().orElseThrow();
      String label =
          "["
              + Numbers.format(bin.get(0)[0])
              + ", "
              + Numbers.format(bin.get(bin.size() - 1)[0])
              + "]";
      levels.add(level(label, x, bin.stream().mapToDouble(p -> p[1]).toArray()));
    }
    return levels;
  }

  private static Level level(String label, double x, double[] v) {
    double mean = RiskMeasures.mean(v);
    if (v.length < 2) {
      return new Level(label, x, v.length, mean, mean, mean);
    }
    double[] band = RiskMeasures.bootstrap95(v, RiskMeasures::mean);
    return new Level(label, x, v.length, mean, band[0], band[1]);
  }

  /** The metric against the parameter: mean per level with its 95% confidence band. */
  public static RenderedChart metricVsParameter(SweepData data, String metric, String parameter) {
    List<Level> levels = levels(data, metric, parameter);
    boolean numeric =
        levels.stream().allMatch(l -> !Double.isNaN(CsvTable.number(l.label())))
            || levels.stream().anyMatch(l -> l.label().startsWith("["));
    YIntervalSeries series = new YIntervalSeries(metric + " (mean, 95% CI)");
    for (Level l : levels) {
      series.add(l.x(), l.mean(), l.low(), l.high());
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(series);
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setSeriesPaint(0, Palette.color(0));
    renderer.setSeriesFillPaint(0, Palette.color(0));
    renderer.setSeriesStroke(0, ChartStyle.LINE);
    renderer.setAlpha(0.25f);
    NumberAxis x =
        numeric
            ? ChartStyle.valueAxis(parameter, false)
            : new SymbolAxis(
                parameter, levels.stream().map(l -> axisLabel(l.label())).toArray(String[]::new));
    XYPlot plot = new XYPlot(dataset, x, ChartStyle.valueAxis(metric, true), renderer);
    plot.setNoDataMessage("no successful runs with a value");
    String base = "sweep-" + slug(metric) + "-vs-" + slug(parameter);
    boolean binned = levels.stream().anyMatch(l -> l.label().startsWith("["));
    String over = averagedOver(data, parameter, binned);
    JFreeChart chart = ChartStyle.chart(metric + " vs " + parameter, plot);
    // The chart says what it averages over on its own, for readers who see only the image.
    chart.addSubtitle(
        new TextTitle(over.substring(0, 1).toUpperCase(Locale.ROOT) + over.substring(1)));
    return ChartRenderer.render(
        chart,
        base,
        "Mean of "
            + metric
            + " over the successful runs at each value of "
            + parameter
            + ": "
            + over
            + ". Band: 95% percentile bootstrap interval of that mean.");
  }

  /** What a level of {@code parameter} averages over, in words, for the chart's caption. */
  static String averagedOver(SweepData data, String parameter, boolean binned) {
    List<String> others = data.parameters().stream().filter(p -> !p.equals(parameter)).toList();
    boolean sampled = !"grid".equals(data.design());
    String runs =
        binned
            ? "the runs in each bin of " + parameter + " (" + BINS + " bins of equal count)"
            : "the runs at each value";
    if (others.isEmpty()) {
      return "the average is over " + runs;
    }
    return "the average is over "
        + runs
        + " and over "
        + String.join(", ", others)
        + (sampled
            ? " as the " + data.design() + " design drew them"
            : " at every grid level, weighted equally");
  }

  /**
   * A phase diagram: the metric's mean over successful runs at each pair of values of two
   * parameters (pooling any others), as coloured cells on the grid of their levels.
   */
  public static RenderedChart heatmap(SweepData data, String metric, String p0, String p1) {
    List<Level> xs = levels(data, metric, p0);
    List<Level> ys = levels(data, metric, p1);
    int c0 = data.runs().index(p0);
    int c1 = data.runs().index(p1);
    int mc = data.runs().index(metric);
    double[][] sum = new double[xs.size()][ys.size()];
    int[][] n = new int[xs.size()][ys.size()];
    List<String> xl = xs.stream().map(Level::label).toList();
    List<String> yl = ys.stream().map(Level::label).toList();
    for (List<String> row : data.okRuns()) {
      double v = CsvTable.number(row.get(mc));
      int i = xl.indexOf(row.get(c0));
      int j = yl.indexOf(row.get(c1));
      if (!Double.isNaN(v) && i >= 0 && j >= 0) {
        sum[i][j] += v;
        n[i][j]++;
      }
    }
    List<double[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < ys.size(); j++) {
        if (n[i][j] > 0) {
          double mean = sum[i][j] / n[i][j];
          cells.add(new double[] {i, j, mean});
          min = Math.min(min, mean);
          max = Math.max(max, mean);
        }
      }
    }
    double[][] series = new double[3][cells.size()];
    for (int k = 0; k < cells.size(); k++) {
      series[0][k] = cells.get(k)[0];
      series[1][k] = cells.get(k)[1];
      series[2][k] = cells.get(k)[2];
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries(metric, series);
    if (cells.isEmpty()) {
      min = 0;
      max = 1;
    }
    double hi = max > min ? max : min + 1;
    LookupPaintScale scale = BlueScale.of(min, hi);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    SymbolAxis x =
        new SymbolAxis(p0, xl.stream().map(SweepCharts::axisLabel).toArray(String[]::new));
    SymbolAxis y =
        new SymbolAxis(p1, yl.stream().map(SweepCharts::axisLabel).toArray(String[]::new));
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart = ChartStyle.chart(metric + " over " + p0 + " and " + p1, plot);
    chart.removeLegend();
    NumberAxis legendAxis = ChartStyle.valueAxis(metric + " (mean)", true);
    legendAxis.setRange(min, hi);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(4, 12, 4, 4));
    legend.setStripWidth(16);
    chart.addSubtitle(legend);
    return ChartRenderer.render(
        chart,
        "heatmap-" + slug(metric) + "-" + slug(p0) + "-" + slug(p1),
        "Phase diagram: mean of "
            + metric
            + " over the successful runs at each pair of values of "
            + p0
            + " (x) and "
            + p1
            + " (y); darker is larger, white cells have no value.");
  }

  /**
   * First- and total-order Sobol indices of the metric, per parameter, with 95% bootstrap
   * intervals.
   */
  public static RenderedChart sobol(CsvTable sobol, String metric) {
    int m = sobol.index("metric");
    int p = sobol.index("parameter");
    String[][] cols = {
      {"S1", "S1_ci95_low", "S1_ci95_high"}, {"ST", "ST_ci95_low", "ST_ci95_high"}
    };
    List<List<String>> rows = sobol.rows().stream().filter(r -> r.get(m).equals(metric)).toList();
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
    String[] names = {"first order S1", "total order ST"};
    for (int s = 0; s < 2; s++) {
      XYIntervalSeries bar = new XYIntervalSeries(names[s]);
      XYIntervalSeries whisker = new XYIntervalSeries(names[s] + " 95% CI");
      for (int i = 0; i < rows.size(); i++) {
        double v = CsvTable.number(rows.get(i).get(sobol.index(cols[s][0])));
        double lo = CsvTable.number(rows.get(i).get(sobol.index(cols[s][1])));
        double hi = CsvTable.number(rows.get(i).get(sobol.index(cols[s][2])));
        if (Double.isNaN(v)) {
          continue;
        }
        // Bars side by side around the parameter's index; whiskers at the bars' centres.
        double centre = i + (s == 0 ? -0.18 : 0.18);
        bar.add(centre, centre - 0.17, centre + 0.17, v, v, v);
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
          whisker.add(centre, centre, centre, v, lo, hi);
        }
      }
      bars.addSeries(bar);
      whiskers.addSeries(whisker);
    }
    XYBarRenderer barRenderer = new XYBarRenderer();
    barRenderer.setBarPainter(new StandardXYBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setSeriesPaint(0, Palette.color(0));
    barRenderer.setSeriesPaint(1, Palette.color(1));
    barRenderer.setUseYInterval(false);
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDrawXError(false);
    errors.setDefaultLinesVisible(false);
    errors.setDefaultShapesVisible(false);
    errors.setErrorPaint(Color.BLACK);
    errors.setErrorStroke(new BasicStroke(1.5f));
    errors.setCapLength(8);
    SymbolAxis x =
        new SymbolAxis("parameter", rows.stream().map(r -> r.get(p)).toArray(String[]::new));
    x.setGridBandsVisible(false);
    x.setRange(-0.6, Math.max(0.6, rows.size() - 0.4));
    NumberAxis y = ChartStyle.valueAxis("index", true);
    XYPlot plot = new XYPlot(bars, x, y, barRenderer);
    plot.setDataset(1, whiskers);
    plot.setRenderer(1, errors);
    errors.setSeriesVisibleInLegend(0, false);
    errors.setSeriesVisibleInLegend(1, false);
    plot.setNoDataMessage("no Sobol indices for " + metric);
    return ChartRenderer.render(
        ChartStyle.chart("Sobol indices: " + metric, plot),
        "sobol-" + slug(metric),
        "First-order (S1) and total-order (ST) Sobol indices of "
            + metric
            + " for each parameter, with 95% bootstrap intervals (sobol.csv).");
  }

  /**
   * A histogram of the metric over all successful runs of the sweep, with VaR at 95% and 99% and
   * the expected shortfall at 95% marked as vertical lines.
   */
  public static RenderedChart lossDistribution(SweepData data, String metric) {
    double[] values = data.metricValues(metric);
    HistogramDataset dataset = new HistogramDataset();
    if (values.length > 0) {
      // Square-root choice of bins, between 5 and 50: enough shape without noise.
      int bins = (int) Math.max(5, Math.min(50, Math.ceil(Math.sqrt(values.length))));
      double lo = RiskMeasures.quantile(values, 0);
      double hi = RiskMeasures.quantile(values, 1);
      dataset.addSeries("runs", values, bins, lo, hi > lo ? hi : lo + 1);
    }
    XYBarRenderer bars = new XYBarRenderer(0.05);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, Palette.color(0));
    XYPlot plot =
        new XYPlot(
            dataset, ChartStyle.valueAxis(metric, true), ChartStyle.valueAxis("runs", true), bars);
    plot.setNoDataMessage("no successful runs with a value");
    if (values.length > 0) {
      // Labels at three heights: the three lines are often close together in the tail.
      marker(
          plot,
          RiskMeasures.valueAtRisk(values, 0.95),
          "VaR 95%",
          Palette.color(1),
          RectangleAnchor.TOP_LEFT,
          TextAnchor.TOP_RIGHT);
      marker(
          plot,
          RiskMeasures.valueAtRisk(values, 0.99),
          "VaR 99%",
          Palette.color(4),
          RectangleAnchor.LEFT,
          TextAnchor.CENTER_RIGHT);
      marker(
          plot,
          RiskMeasures.expectedShortfall(values, 0.95),
          "ES 95%",
          Palette.color(6),
          RectangleAnchor.BOTTOM_LEFT,
          TextAnchor.BOTTOM_RIGHT);
    }
    return ChartRenderer.render(
        ChartStyle.chart("Distribution of " + metric + " over runs", plot),
        "loss-" + slug(metric),
        String.format(
            Locale.ROOT,
            "Histogram of %s over the %d successful runs of the sweep, with VaR 95%% = %s, VaR 99%% = %s"
                + " and expected shortfall ES 95%% = %s marked.",
            metric,
            values.length,
            Numbers.format(RiskMeasures.valueAtRisk(values, 0.95)),
            Numbers.format(RiskMeasures.valueAtRisk(values, 0.99)),
            Numbers.format(RiskMeasures.expectedShortfall(values, 0.95))));
  }

  private static void marker(
      XYPlot plot, double at, String label, Color color, RectangleAnchor where, TextAnchor anchor) {
    ValueMarker marker = new ValueMarker(at, color, ChartStyle.DASHED);
    marker.setLabel(label);
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    marker.setLabelPaint(color);
    marker.setLabelAnchor(where);
    marker.setLabelTextAnchor(anchor);
    marker.setLabelOffset(new RectangleInsets(24, 6, 24, 6));
    plot.addDomainMarker(marker);
  }
}
