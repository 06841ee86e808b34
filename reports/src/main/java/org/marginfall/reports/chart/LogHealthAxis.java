package org.marginfall.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical base-10 logarithmic axis whose ticks sit at round values a reader can use (1, 2, 5 ×
 * 10^k on a wide range; 1, 1.5, 2, 3, 5, 7 × 10^k or steps of 0.1 × 10^k on a narrow one) instead
 * of {@link LogAxis}'s evenly spaced exponents (1.585, 2.512, …), labelled as plain decimals in
 * {@link Locale#ROOT}. The finest set that still gives at least four ticks in the visible range is
 * the coarsest one used.
 *
 * <p>Instances are mutable like every JFreeChart axis and belong to one chart; not thread-safe.
 */
final class LogHealthAxis extends LogAxis {

  private static final long serialVersionUID = 1L;

  /** Mantissas from coarse to fine; the last is every tenth. */
  private static final double[][] MANTISSAS = {
    {1, 2, 5},
    {1, 1.5, 2, 3, 5, 7},
    {
      1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.2, 2.4, 2.6, 2.8, 3, 3.5, 4, 4.5, 5, 6,
      7, 8, 9
    },
  };

  private final DecimalFormat format =
      new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));

  LogHealthAxis(String label) {
    super(label);
    setBase(10);
    setNumberFormatOverride(format);
  }

  @Override
  protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    double lower = getLowerBound();
    double upper = getUpperBound();
    List<Double> values = List.of();
    for (double[] mantissas : MANTISSAS) {
      values = values(lower, upper, mantissas);
      if (values.size() >= 4) {
        break;
      }
    }
    List<NumberTick> ticks = new ArrayList<>();
    TextAnchor anchor =
        edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
    for (double v : values) {
      ticks.add(
          new NumberTick(TickType.MAJOR, v, format.format(v), anchor, TextAnchor.CENTER, 0.0));
    }
    return ticks;
  }

  /** The values {@code m × 10^k} within [lower, upper], ascending. */
  static List<Double> values(double lower, double upper, double[] mantissas) {
    List<Double> out = new ArrayList<>();
    if (!(lower > 0) || !(upper > lower)) {
      return out;
    }
    int from = (int) Math.floor(Math.log10(lower)) - 1;
    int to = (int) Math.ceil(Math.log10(upper)) + 1;
    for (int k = from; k <= to; k++) {
      for (double m : mantissas) {
        // Exact decimal arithmetic, so 1.1 × 10^-1 is 0.11 and not 0.11000000000000001.
        double v = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
        if (v >= lower && v <= upper) {
          out.add(v);
        }
      }
    }
    return out;
  }
}
