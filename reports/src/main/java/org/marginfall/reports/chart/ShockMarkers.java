package org.marginfall.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.marginfall.reports.data.OracleFailure;

/**
 * Shades the ticks in which scheduled shocks moved a fundamental price (the run's {@code shock}
 * events), so a reader sees at once which liquidations and price moves came during and after a
 * shock, and the ticks of scheduled oracle failures (the scenario's {@code oracles[].failures}).
 *
 * <p>Consecutive shocked ticks form one window {@code [first - 0.5, last + 0.5]} on the step axis.
 * Stateless and thread-safe.
 */
final class ShockMarkers {

  private static final Color SHADE = new Color(0xE6, 0x9F, 0x00, 40);

  /** Okabe–Ito reddish purple, translucent. */
  private static final Color FAILURE = new Color(0xCC, 0x79, 0xA7, 50);

  private ShockMarkers() {}

  /** Adds one shaded, labelled window per run of consecutive shocked steps. */
  static void add(XYPlot plot, SortedSet<Long> steps) {
    for (long[] w : windows(steps)) {
      IntervalMarker m = new IntervalMarker(w[0] - 0.5, w[1] + 0.5, SHADE);
      m.setLabel("shock");
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  /**
   * Adds one shaded window per scheduled oracle failure of {@code asset} (every failure when {@code
   * asset} is null), over its steps {@code [first - 0.5, last + 0.5]}, in purple and labelled at
   * the bottom ({@code oracle <id>: <mode>}) so it stays apart from a shock's orange window and top
   * label where the two overlap.
   */
  static void addOracleFailures(XYPlot plot, List<OracleFailure> failures, String asset) {
    for (OracleFailure f : failures) {
      if (asset != null && !asset.equals(f.asset())) {
        continue;
      }
      IntervalMarker m = new IntervalMarker(f.first() - 0.5, f.last() + 0.5, FAILURE);
      m.setLabel("oracle " + f.oracle() + ": " + f.mode());
      m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  /** The runs of consecutive steps, each as {first, last}, in order. */
  static List<long[]> windows(SortedSet<Long> steps) {
    List<long[]> out = new ArrayList<>();
    long[] current = null;
    for (long s : steps) {
      if (current != null && s == current[1] + 1) {
        current[1] = s;
      } else {
        current = new long[] {s, s};
        out.add(current);
      }
    }
    return out;
  }
}
