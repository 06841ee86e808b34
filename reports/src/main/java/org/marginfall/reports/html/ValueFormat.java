package org.marginfall.reports.html;

import java.util.Locale;
import org.marginfall.reports.data.SummaryValue;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Numbers;

/**
 * How summary values are shown in the page, always with {@link Locale#ROOT} so the page does not
 * change with the machine's locale:
 *
 * <ul>
 *   <li>fields whose name ends in {@code Drawdown} are fractions and shown as percentages with two
 *       decimals ({@code 0.37} → {@code 37.00%});
 *   <li>{@code amplification} is a ratio, shown with three decimals ({@code 1.23} → {@code 1.230});
 *   <li>other reals (money, prices, seconds) get two decimals and {@code ,} thousands separators
 *       ({@code 1.2E7} → {@code 12,000,000.00}); magnitudes below 0.01, which two decimals would
 *       show as zero, use scientific notation ({@code 5.000e-03});
 *   <li>integers (counts, steps, seeds) are shown as written, without separators, because a seed or
 *       a step number is an identifier rather than a quantity;
 *   <li>{@code null} (a metric undefined for this run) is shown as an em dash.
 * </ul>
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class ValueFormat {

  static final String UNDEFINED = "\u2014";

  private ValueFormat() {}

  /**
   * @param field the field's name, which decides the unit for reals
   * @param value the value
   * @return the text to show, not yet HTML-escaped
   */
  static String format(String field, SummaryValue value) {
    if (value instanceof SummaryValue.Real real) {
      return real(field, real.value());
    }
    if (value instanceof SummaryValue.Int integer) {
      return Long.toString(integer.value());
    }
    if (value instanceof SummaryValue.Text text) {
      return text.value();
    }
    if (value instanceof SummaryValue.Bool bool) {
      return Boolean.toString(bool.value());
    }
    if (value instanceof SummaryValue.Structured structured) {
      return structured.json();
    }
    return UNDEFINED;
  }

  /**
   * The value as a table's CSV copy holds it: a real with every digit ({@link Numbers#exact}, so a
   * drawdown stays the fraction {@code 0.37}), anything else as {@link #format} shows it.
   */
  static String exact(String field, SummaryValue value) {
    if (value instanceof SummaryValue.Real real) {
      return Numbers.exact(real.value());
    }
    return format(field, value);
  }

  /** The value as a table {@link Cell}: shown as {@link #format}, exact as {@link #exact}. */
  static Cell cell(String field, SummaryValue value) {
    return new Cell(format(field, value), exact(field, value));
  }

  static String real(String field, double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (field.endsWith("Drawdown")) {
      return String.format(Locale.ROOT, "%.2f%%", value * 100.0);
    }
    if (field.equals("amplification")) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return amount(value);
  }

  /** Money, prices and other plain reals. */
  static String amount(double value) {
    if (value == 0.0) {
      return "0.00"; // also for -0.0, which would otherwise print as "-0.00"
    }
    if (Math.abs(value) < 0.01) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%,.2f", value);
  }
}
