package org.marginfall.experiments.internal.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a time cell: epoch seconds, milliseconds or microseconds, told apart by magnitude (below
 * 10^11 seconds, below 10^14 milliseconds, else microseconds — Binance's spot archives switched to
 * microseconds in 2025), or ISO-8601 (an instant with offset, a local date-time read as UTC with
 * {@code T} or a space, or a date at midnight UTC). Stateless.
 */
public final class TimeParser {

  private TimeParser() {}

  /**
   * Epoch milliseconds of {@code cell}.
   *
   * @throws IllegalArgumentException naming the cell when it is no time
   */
  public static long millis(String cell) {
    String s = cell.trim();
    if (!s.isEmpty()
        && (Character.isDigit(s.charAt(0))
            && s.chars().allMatch(c -> Character.isDigit(c) || c == '.'))
        && s.indexOf('-') < 0) {
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("unreadable time '" + cell + "'");
      }
      return fromEpochNumber(v);
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      // not an instant with an offset; try the local forms below
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "unreadable time '"
              + cell
              + "' (expected epoch seconds, milliseconds or microseconds, or ISO-8601 such as 2020-03-12T00:00:00Z)");
    }
  }

  /**
   * Epoch milliseconds of a number of epoch seconds, milliseconds or microseconds, by magnitude.
   */
  public static long fromEpochNumber(double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("time " + v + " is not a non-negative epoch number");
    }
    if (v < 1e11) {
      return StrictMath.round(v * 1000);
    }
    if (v < 1e14) {
      return StrictMath.round(v);
    }
    return StrictMath.round(v / 1000);
  }

  /** The ISO-8601 form of epoch milliseconds {@code t}, for messages. */
  public static String show(long t) {
    return Instant.ofEpochMilli(t).toString();
  }
}
