package org.marginfall.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.marginfall.reports.data.Contagion;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The contagion charts of a run: the cascade by generation (liquidated notional of each generation
 * as bars stacked by affected venue) and the venue-to-venue contagion matrix as a heatmap (rows:
 * the cause, {@code exogenous} first; columns: the affected venue; each cell annotated with its
 * value, with a colour scale legend).
 *
 * <p>This class has no state: it is immutable and thread-safe (each call builds new charts).
 */
public final class ContagionCharts {

  private static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  static {
    Headless.ensure();
  }

  private ContagionCharts() {}

  /**
   * Liquidated notional per generation, stacked by venue.
   *
   * @param byGeneration generation to (venue to notional), from the events' causes; when empty,
   *     {@code generations} (the summary's totals) are drawn as one series "all venues"
   * @param generations the summary's generations
   * @param venues the venues in scenario order, which fixes the series' order and colours
   */
  public static RenderedChart generations(
      SortedMap<Long, Map<String, Double>> byGeneration,
      List<Contagion.Generation> generations,
      List<String> venues,
      String baseCurrency) {
    CategoryTableXYDataset dataset = new CategoryTableXYDataset();
    StackedXYBarRenderer bars = new StackedXYBarRenderer(0.2);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    long last = -1;
    String source;
    if (!byGeneration.isEmpty()) {
      last = byGeneration.lastKey();
      List<String> series = new ArrayList<>(venues);
      byGeneration
          .values()
          .forEach(m -> m.keySet().stream().filter(v -> !series.contains(v)).forEach(series::add));
      int s = 0;
      for (String venue : series) {
        boolean affected =
            byGeneration.values().stream().anyMatch(m -> m.getOrDefault(venue, 0.0) != 0);
        if (!affected) {
          continue;
        }
        for (long g = 0; g <= last; g++) {
          dataset.add(
              g, byGeneration.getOrDefault(g, Map.of()).getOrDefault(venue, 0.0), venue, false);
        }
        // A venue keeps its scenario-order colour, as on the liquidation chart.
        int colour = venues.contains(venue) ? venues.indexOf(venue) : venues.size() + s;
        bars.setSeriesPaint(s, Palette.color(colour));
        s++;
      }
      source = "the liquidation events' cause.generation in events.jsonl";
    } else {
      for (Contagion.Generation g : generations) {
        dataset.add(g.generation(), g.liquidatedNotional(), "all venues", false);
        last = g.generation();
      }
      bars.setSeriesPaint(0, Palette.color(0));
      source =
          "summary.json contagion.generations (events.jsonl has no causes, so venues are not told apart)";
    }
    NumberAxis x = ChartStyle.valueAxis("generation (0 = caused by the exogenous shock)", true);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    x.setRange(-0.6, Math.max(0.6, last + 0.6));
    XYPlot plot =
        new XYPlot(
            dataset,
            x,
            ChartStyle.valueAxis("liquidated notional (" + baseCurrency + ")", true),
            bars);
    plot.setNoDataMessage("nothing was liquidated");
    return ChartRenderer.render(
        ChartStyle.chart("Cascade by generation", plot),
        "cascade-generations",
        "Liquidated notional of each contagion generation, stacked by affected venue, in "
            + baseCurrency
            + " (from "
            + source
            + "). Generation g + 1 was caused by a liquidation or loss of"
            + " generation g.");
  }

  /**
   * A heatmap of one contagion table: rows are the causes, top to bottom in {@code from} order,
   * columns the affected venues; every cell is annotated with its value.
   *
   * @param what what the cells hold, for the title, legend and caption, e.g. "liquidated notional"
   * @param baseName the chart's file name without extension
   */
  public static RenderedChart heatmap(
      List<String> from,
      List<String> to,
      double[][] cells,
      String what,
      String unit,
      String baseName) {
    return ChartRenderer.render(
        heatmapChart(from, to, cells, what, unit),
        baseName,
        "Venue-to-venue contagion: "
            + what
            + (unit.isEmpty() ? "" : " in " + unit)
            + " on each affected venue (columns) by what caused it"
            + " (rows: the exogenous shock, or a liquidation or loss on the venue named, for induced liquidations;"
            + " the row 'accelerated' holds liquidations the exogenous path alone would also have made); darker"
            + " is larger.");
  }

  /**
   * A cell's label: whole money amounts with thousands separators (12,252,900 reads faster in a
   * cell than 1.22529e+07), anything else as in the tables.
   */
  static String cellText(double v) {
    return Math.abs(v) >= 1000 && Double.isFinite(v)
        ? String.format(Locale.ROOT, "%,.0f", v)
        : Numbers.format(v);
  }

  /** The heatmap as a chart, before rendering. */
  static JFreeChart heatmapChart(
      List<String> from, List<String> to, double[][] cells, String what, String unit) {
    double max = 0;
    for (double[] row : cells) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    double hi = max > 0 ? max : 1;
    // Zero is a colour of the scale (the lightest), not "no value": every cell is defined.
    LookupPaintScale scale = BlueScale.of(0, hi);
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    int n = from.size() * to.size();
    double[][] series = new double[3][n];
    int k = 0;
    int rows = from.size();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < to.size(); c++) {
        series[0][k] = c;
        // The first cause is drawn at the top.
        series[1][k] = rows - 1 - r;
        series[2][k] = cells[r][c];
        k++;
      }
    }
    dataset.addSeries(what, series);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis("affected venue", to.toArray(String[]::new));
    List<String> reversed = new ArrayList<>(from);
    java.util.Collections.reverse(reversed);
    SymbolAxis y = new SymbolAxis("cause", reversed.toArray(String[]::new));
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    ChartStyle.style(x);
    ChartStyle.style(y);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < to.size(); c++) {
        double v = cells[r][c];
        XYTextAnnotation label = new XYTextAnnotation(cellText(v), c, rows - 1 - r);
        label.setFont(CELL);
        label.setTextAnchor(TextAnchor.CENTER);
        label.setPaint(BlueScale.dark(v / hi) ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(label);
      }
    }
    String title = "Contagion matrix: " + what;
    JFreeChart chart = ChartStyle.chart(title, plot);
    chart.removeLegend();
    NumberAxis legendAxis =
        ChartStyle.valueAxis(what + (unit.isEmpty() ? "" : " (" + unit + ")"), true);
    legendAxis.setRange(0, hi);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(4, 12, 4, 4));
    legend.setStripWidth(16);
    chart.addSubtitle(legend);
    return chart;
  }
}
