package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.marginfall.reports.data.OracleFailure;

/** Shocked steps become shaded windows on the step axis. */
class ShockMarkersTest {

  @Test
  void test_windows_groupConsecutiveSteps() {
    // A 10-step shock starting at 20 and a one-step shock at 45.
    TreeSet<Long> steps =
        new TreeSet<>(List.of(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 45L));
    List<long[]> w = ShockMarkers.windows(steps);
    assertEquals(2, w.size());
    assertArrayEquals(new long[] {20, 29}, w.get(0));
    assertArrayEquals(new long[] {45, 45}, w.get(1));
    assertEquals(List.of(), ShockMarkers.windows(new TreeSet<>()));
  }

  @Test
  void test_add_shadesEachWindowFromHalfAStepBeforeToHalfAStepAfter() {
    XYPlot plot = new XYPlot();
    ShockMarkers.add(plot, new TreeSet<>(List.of(20L, 21L, 22L)));
    assertEquals(1, plot.getDomainMarkers(Layer.BACKGROUND).size());
    IntervalMarker m = (IntervalMarker) plot.getDomainMarkers(Layer.BACKGROUND).iterator().next();
    assertEquals(19.5, m.getStartValue(), 0);
    assertEquals(22.5, m.getEndValue(), 0);
    assertEquals("shock", m.getLabel());
  }

  @Test
  void test_addOracleFailures_shadesEachFailureOfTheAssetOverItsSteps() {
    XYPlot plot = new XYPlot();
    List<OracleFailure> failures =
        List.of(
            new OracleFailure("print-feed", "ETH", "wrong", 60, 64),
            new OracleFailure("frozen-feed", "BTC", "frozen", 20, 49));
    ShockMarkers.addOracleFailures(plot, failures, "ETH");
    assertEquals(1, plot.getDomainMarkers(Layer.BACKGROUND).size());
    IntervalMarker m = (IntervalMarker) plot.getDomainMarkers(Layer.BACKGROUND).iterator().next();
    assertEquals(59.5, m.getStartValue(), 0);
    assertEquals(64.5, m.getEndValue(), 0);
    assertEquals("oracle print-feed: wrong", m.getLabel());
    // Without an asset (the liquidations chart), every failure.
    XYPlot all = new XYPlot();
    ShockMarkers.addOracleFailures(all, failures, null);
    assertEquals(2, all.getDomainMarkers(Layer.BACKGROUND).size());
  }
}
