package org.marginfall.reports.doc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number formats of report tables, all independent of the machine's locale.
 *
 * <ul>
 *   <li>{@link #format}, the text the page, the PDF and the LaTeX copy show: six significant
 *       digits, but never fewer than the integer part has ({@code 5,786,210}, not {@code
 *       5.78621e+06}), with {@code ,} thousands separators; whole numbers below 10^15 without
 *       decimals; magnitudes below 10^-4 or from 10^15 on in scientific notation ({@code
 *       1.23457e-05}); an em dash for an undefined value (NaN), {@code inf} for ∞.
 *   <li>{@link #exact}, the text of the CSV copy: every digit of the double (the shortest decimal
 *       that reads back as the same double, without exponent and without separators), so a CSV read
 *       back gives the values the run computed.
 *   <li>{@link #latex}, a shown cell typeset for LaTeX with no package beyond booktabs: numbers in
 *       math mode with {@code {,}} separators ({@code $5{,}786{,}210$}), {@code \times10^{-5}} for
 *       an exponent, a true minus sign, {@code $\infty$}.
 * </ul>
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class Numbers {

  /** What an undefined value prints as. */
  public static final String UNDEFINED = "\u2014";

  /**
   * A number as {@link #format} or the run page's summary format writes it, optionally a
   * percentage.
   */
  private static final String NUMBER =
      "(-?)((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(?:e([+-]\\d+))?(%?)";

  private static final Pattern WHOLE_NUMBER = Pattern.compile(NUMBER);
  private static final Pattern INTERVAL =
      Pattern.compile(NUMBER + " \\[" + NUMBER + ", " + NUMBER + "\\]");

  private Numbers() {}

  /** Formats {@code value} to be read, as described above. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (magnitude < 1e-4 || magnitude >= 1e15) {
      return String.format(Locale.ROOT, "%.5e", value);
    }
    BigDecimal decimal = BigDecimal.valueOf(value);
    // Digits before the point beyond six are kept: rounding 5,786,210.12 to 5,786,200 would change
    // the number.
    BigDecimal rounded =
        magnitude >= 1e5
            ? decimal.setScale(0, RoundingMode.HALF_UP)
            : decimal.round(new MathContext(6, RoundingMode.HALF_UP));
    String plain = rounded.stripTrailingZeros().toPlainString();
    int point = plain.indexOf('.');
    String whole = point < 0 ? plain : plain.substring(0, point);
    String fraction = point < 0 ? "" : plain.substring(point);
    boolean negative = whole.startsWith("-");
    String digits = negative ? whole.substring(1) : whole;
    return (negative ? "-" : "")
        + String.format(Locale.ROOT, "%,d", Long.parseLong(digits))
        + fraction;
  }

  /** Formats {@code value} with every digit, as described above. */
  public static String exact(double value) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return Long.toString((long) value);
    }
    if (magnitude < 1e-7 || magnitude >= 1e21) {
      // Without an exponent these would be long runs of zeros; Double.toString still reads back
      // exactly.
      return Double.toString(value);
    }
    // Double.toString holds the digits that identify the double; the BigDecimal drops its exponent.
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** {@code value [interval[0], interval[1]]}. */
  public static String withInterval(double value, double[] interval) {
    return withInterval(value, interval[0], interval[1]);
  }

  /** {@code value [low, high]}. */
  public static String withInterval(double value, double low, double high) {
    return format(value) + " [" + format(low) + ", " + format(high) + "]";
  }

  /**
   * A shown cell for LaTeX: a number (as {@link #format}, the run page's summary format, or an
   * interval of them) typeset as described above; any other text escaped as it is.
   */
  public static String latex(String cell) {
    if (cell.equals("inf") || cell.equals("-inf")) {
      return cell.startsWith("-") ? "$-\\infty$" : "$\\infty$";
    }
    Matcher whole = WHOLE_NUMBER.matcher(cell);
    if (whole.matches()) {
      return typeset(whole, 0);
    }
    Matcher interval = INTERVAL.matcher(cell);
    if (interval.matches()) {
      return typeset(interval, 0) + " [" + typeset(interval, 4) + ", " + typeset(interval, 8) + "]";
    }
    return TableFormats.escape(cell);
  }

  /**
   * The number whose four groups (sign, digits, exponent, percent) start after group {@code at}.
   */
  private static String typeset(Matcher m, int at) {
    String sign = m.group(at + 1);
    String digits = m.group(at + 2).replace(",", "{,}");
    String exponent = m.group(at + 3);
    String percent = m.group(at + 4);
    StringBuilder out = new StringBuilder("$").append(sign).append(digits);
    if (exponent != null) {
      out.append("\\times10^{").append(Integer.parseInt(exponent)).append('}');
    }
    out.append('$');
    if (!percent.isEmpty()) {
      out.append("\\%");
    }
    return out.toString();
  }
}
