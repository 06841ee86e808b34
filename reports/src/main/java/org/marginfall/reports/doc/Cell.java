package org.marginfall.reports.doc;

import java.util.Objects;

/**
 * One cell of a {@link Table}: {@code text} as the page, the PDF and (typeset) the LaTeX copy show
 * it, and {@code exact} as its CSV copy holds it. For a number the text is rounded and grouped for
 * reading ({@code 5,786,210}) and the exact copy keeps every digit ({@code 5786210.123456789}), so
 * a CSV read back gives the values the run computed; for text both are the same.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record Cell(String text, String exact) {

  public Cell {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(exact, "exact");
  }

  /** A text cell: the same in every copy. */
  public static Cell text(String text) {
    return new Cell(text, text);
  }

  /** A number: {@link Numbers#format} on the page, {@link Numbers#exact} in the CSV. */
  public static Cell number(double value) {
    return new Cell(Numbers.format(value), Numbers.exact(value));
  }

  /** {@code value [low, high]}, formatted as {@link #number} in each copy. */
  public static Cell interval(double value, double low, double high) {
    return new Cell(
        Numbers.withInterval(value, low, high),
        Numbers.exact(value) + " [" + Numbers.exact(low) + ", " + Numbers.exact(high) + "]");
  }

  /** {@code value [interval[0], interval[1]]}. */
  public static Cell interval(double value, double[] interval) {
    return interval(value, interval[0], interval[1]);
  }
}
