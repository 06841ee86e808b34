package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.ChartAssertions;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.data.Contagion;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.RenderedChart;

class ContagionAndHealthChartsTest {

  static TimeSeries table;

  @BeforeAll
  static void readFixture(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(file, RunFixtures.timeseriesCsvWithHealth());
    table = TimeSeriesReader.read(file);
  }

  @Test
  void test_health_bandsMedianAndThresholdOnALogAxis() throws Exception {
    List<RenderedChart> charts = HealthChart.render(table);
    // lend-pool never had an account at risk: no chart for it.
    assertEquals(
        List.of("health-perp-cross"), charts.stream().map(RenderedChart::baseName).toList());
    RenderedChart chart = charts.get(0);
    ChartAssertions.assertPng(chart.png(), 1000, 560);
    ChartAssertions.assertSvg(chart.svg().getBytes(StandardCharsets.UTF_8));
    // p05 is -0.1 from step 28: drawn at the floor, and the caption says so.
    assertTrue(
        chart
            .caption()
            .endsWith("Health at or below 0.01 (including negative equity) is drawn at 0.01."));

    JFreeChart jfree = HealthChart.create(table, "perp-cross", new boolean[1]);
    XYPlot plot = jfree.getXYPlot();
    assertInstanceOf(LogHealthAxis.class, plot.getRangeAxis());
    IntervalXYDataset bands = (IntervalXYDataset) plot.getDataset();
    assertEquals(3, bands.getSeriesCount());
    // Step 0 has no account at risk: 30 points, from step 1.
    assertEquals(30, bands.getItemCount(0));
    assertEquals(1.0, bands.getXValue(0, 0));
    // Step 10: median 2 - 0.05 * 10 = 1.5; the outer band 0.75..6, the inner 1.2..2.25.
    assertEquals(1.5, bands.getYValue(0, 9), 1e-12);
    assertEquals(0.75, bands.getStartYValue(0, 9), 1e-12);
    assertEquals(6.0, bands.getEndYValue(0, 9), 1e-12);
    assertEquals(1.2, bands.getStartYValue(1, 9), 1e-12);
    assertEquals(2.25, bands.getEndYValue(1, 9), 1e-12);
    // Step 28: p05 = -0.1 is drawn at 0.01.
    assertEquals(0.01, bands.getStartYValue(0, 27), 1e-12);
    ValueMarker threshold = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
    assertEquals(1.0, threshold.getValue());
    assertTrue(plot.getRangeAxis().getRange().contains(1.0));
  }

  @Test
  void test_logHealthAxis_roundTicksCoarseToFine() {
    // 1-2-5 over 0.3..60: 0.5, 1, 2, 5, 10, 20, 50.
    assertEquals(
        List.of(0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0),
        LogHealthAxis.values(0.3, 60, new double[] {1, 2, 5}));
    // A narrow range gets no 1-2-5 tick but 1 and exact tenths, without binary noise.
    assertEquals(List.of(1.0), LogHealthAxis.values(0.96, 1.5, new double[] {1, 2, 5}));
    assertEquals(List.of(0.11, 0.12), LogHealthAxis.values(0.105, 0.125, new double[] {1.1, 1.2}));
    assertEquals(List.of(), LogHealthAxis.values(-1, 2, new double[] {1}));
  }

  @Test
  void test_generations_stackedByVenueInScenarioOrder() throws Exception {
    TreeMap<Long, Map<String, Double>> byGeneration = new TreeMap<>();
    byGeneration.put(0L, Map.of("perp-cross", 1.0e6));
    byGeneration.put(1L, Map.of("lend-pool", 2.5e5));
    byGeneration.put(2L, Map.of("perp-cross", 1.5e5));
    RenderedChart chart =
        ContagionCharts.generations(
            byGeneration, List.of(), List.of("perp-cross", "lend-pool"), "USD");
    ChartAssertions.assertPng(chart.png(), 1000, 560);
    ChartAssertions.assertSvg(chart.svg().getBytes(StandardCharsets.UTF_8));
    assertEquals("cascade-generations", chart.baseName());
    assertTrue(chart.caption().contains("cause.generation"));
  }

  @Test
  void test_generations_fallBackToTheSummaryTotals() throws Exception {
    RenderedChart chart =
        ContagionCharts.generations(
            new TreeMap<>(),
            List.of(
                new Contagion.Generation(0, 2, 1.0e6, 0), new Contagion.Generation(1, 1, 4.0e5, 0)),
            List.of("perp-cross"),
            "USD");
    ChartAssertions.assertPng(chart.png(), 1000, 560);
    assertTrue(chart.caption().contains("venues are not told apart"));
  }

  @Test
  void test_heatmap_everyCellAnnotatedAndAColourLegend() throws Exception {
    double[][] cells = {{1.0e6, 0}, {0, 2.5e5}, {1.5e5, 0}};
    RenderedChart chart =
        ContagionCharts.heatmap(
            List.of("exogenous", "perp-cross", "lend-pool"),
            List.of("perp-cross", "lend-pool"),
            cells,
            "liquidated notional",
            "USD",
            "contagion-notional");
    ChartAssertions.assertPng(chart.png(), 1000, 560);
    ChartAssertions.assertSvg(chart.svg().getBytes(StandardCharsets.UTF_8));
    // The SVG carries the annotations as text: every cell's value.
    for (String v : List.of(">1,000,000<", ">250,000<", ">150,000<")) {
      assertTrue(chart.svg().contains(v), v);
    }
  }

  @Test
  void test_cellText_groupsWholeAmountsAndKeepsSmallOnes() {
    assertEquals("12,252,900", ContagionCharts.cellText(1.22529e7));
    assertEquals("1,234", ContagionCharts.cellText(1234.4));
    assertEquals("999.6", ContagionCharts.cellText(999.6));
    assertEquals("64.5", ContagionCharts.cellText(64.5));
    assertEquals("0", ContagionCharts.cellText(0));
  }

  @Test
  void test_heatmapChart_labelsAtTheirCellsAndAColourScaleLegend() {
    // Rows: exogenous (drawn at the top, y = 1), A (y = 0); columns: A (x = 0), B (x = 1).
    double[][] cells = {{4, 0}, {0, 1}};
    JFreeChart chart =
        ContagionCharts.heatmapChart(
            List.of("exogenous", "A"), List.of("A", "B"), cells, "bad debt", "USD");
    XYPlot plot = chart.getXYPlot();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Object a : plot.getAnnotations()) {
      XYTextAnnotation t = (XYTextAnnotation) a;
      labels.put((int) t.getX() + "," + (int) t.getY(), t.getText());
    }
    assertEquals(Map.of("0,1", "4", "1,1", "0", "0,0", "0", "1,0", "1"), labels);
    assertEquals("cause", plot.getRangeAxis().getLabel());
    assertEquals("affected venue", plot.getDomainAxis().getLabel());
    PaintScaleLegend legend =
        (PaintScaleLegend)
            chart.getSubtitles().stream()
                .filter(t -> t instanceof PaintScaleLegend)
                .findFirst()
                .orElseThrow();
    assertEquals(0.0, legend.getAxis().getLowerBound());
    assertEquals(4.0, legend.getAxis().getUpperBound());
    assertEquals("bad debt (USD)", legend.getAxis().getLabel());
  }
}
