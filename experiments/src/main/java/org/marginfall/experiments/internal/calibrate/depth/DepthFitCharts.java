package org.marginfall.experiments.internal.calibrate.depth;

import java.util.List;
import org.marginfall.reports.chart.FitCharts;
import org.marginfall.reports.doc.RenderedChart;

/**
 * The chart of a depth fit against its data, in the reports' style: each interval's log-return
 * against its signed notional, under the fitted line {@code r = V / depth}. Stateless.
 */
public final class DepthFitCharts {

  private DepthFitCharts() {}

  /** One chart, named {@code <stem>-impact}. */
  public static List<RenderedChart> charts(String stem, String file, DepthFit fit) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : fit.notional()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return List.of(
        FitCharts.pointsAndLines(
            stem + "-impact",
            "Price impact in " + file + ": log-return against signed notional",
            "signed notional per interval of " + show(fit.intervalSeconds()) + " s",
            "log-return",
            new FitCharts.Series("intervals", fit.notional(), fit.returns()),
            List.of(
                new FitCharts.Series(
                    String.format(java.util.Locale.ROOT, "r = V / %.4g", fit.depth()),
                    new double[] {lo, hi},
                    new double[] {lo * fit.slope(), hi * fit.slope()})),
            "Each interval's log-return against the notional bought (positive) or sold (negative)"
                + " in it, and the fitted linear-log impact line; a line through the cloud's"
                + " middle is a depth the trades support, points far from it are moves the flow"
                + " does not explain."));
  }

  private static String show(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }
}
