package org.marginfall.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.marginfall.reports.data.TimeSeries;
import org.marginfall.reports.data.TimeSeriesReader;

/**
 * The simulated time of a chart over steps, as a second axis above the plot ({@code time (min)},
 * {@code time (h)}, ...), so a reader sees both the step a cascade began and how long it lasted.
 * Seconds per step come from the table's {@code time_s} column; a table without one gets no time
 * axis.
 *
 * <p>This class has no state: it is immutable and thread-safe (each call changes only its plot).
 */
final class StepTime {

  /** The column of simulated seconds, docs/outputs.md. */
  static final String TIME = "time_s";

  /** A unit of time: its axis label and its length in seconds. */
  record Unit(String label, double seconds) {}

  private StepTime() {}

  /**
   * The unit a run of {@code totalSeconds} reads best in: seconds up to 3 min, minutes up to 3 h,
   * hours up to 3 days, then days.
   */
  static Unit unit(double totalSeconds) {
    if (totalSeconds <= 180) {
      return new Unit("s", 1);
    }
    if (totalSeconds <= 3 * 3600) {
      return new Unit("min", 60);
    }
    if (totalSeconds <= 3 * 86400) {
      return new Unit("h", 3600);
    }
    return new Unit("days", 86400);
  }

  /**
   * Adds the time axis to {@code plot} (to the top panel of a combined plot), following the plot's
   * step axis; does nothing when the table has no {@code time_s} column or fewer than two steps.
   */
  static void add(XYPlot plot, TimeSeries table) {
    if (!table.hasColumn(TIME) || !table.hasColumn(TimeSeriesReader.STEP)) {
      return;
    }
    double[] steps = table.column(TimeSeriesReader.STEP);
    double[] seconds = table.column(TIME);
    int first = -1;
    int last = -1;
    for (int i = 0; i < steps.length; i++) {
      if (Double.isFinite(steps[i]) && Double.isFinite(seconds[i])) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0 || steps[last] <= steps[first] || seconds[last] <= seconds[first]) {
      return;
    }
    double perStep = (seconds[last] - seconds[first]) / (steps[last] - steps[first]);
    Unit unit = unit(steps[last] * perStep);
    XYPlot target =
        plot instanceof CombinedDomainXYPlot combined && !combined.getSubplots().isEmpty()
            ? combined.getSubplots().get(0)
            : plot;
    FollowingAxis time =
        new FollowingAxis(
            "time (" + unit.label() + ")", plot.getDomainAxis(), perStep / unit.seconds());
    target.setDomainAxis(1, time, false);
    target.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT, false);
  }

  /**
   * A time axis that shows its step axis's range times seconds per step. It copies the range before
   * it reserves space and before it draws, so it follows every automatic range change of the step
   * axis (which JFreeChart makes without notifying listeners).
   */
  static final class FollowingAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    private final ValueAxis steps;
    private final double factor;

    FollowingAxis(String label, ValueAxis steps, double factor) {
      super(label);
      this.steps = steps;
      this.factor = factor;
      ChartStyle.style(this);
      setStandardTickUnits(ChartStyle.tickUnits());
      setAutoRangeIncludesZero(false);
      follow();
    }

    private void follow() {
      Range r = steps.getRange();
      if (r.getLength() > 0) {
        setRange(new Range(r.getLowerBound() * factor, r.getUpperBound() * factor), true, false);
      }
    }

    @Override
    public AxisSpace reserveSpace(
        Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge, AxisSpace space) {
      follow();
      return super.reserveSpace(g2, plot, plotArea, edge, space);
    }

    @Override
    public AxisState draw(
        Graphics2D g2,
        double cursor,
        Rectangle2D plotArea,
        Rectangle2D dataArea,
        RectangleEdge edge,
        PlotRenderingInfo plotState) {
      follow();
      return super.draw(g2, cursor, plotArea, dataArea, edge, plotState);
    }
  }
}
