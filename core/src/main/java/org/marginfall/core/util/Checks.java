package org.marginfall.core.util;

import java.util.regex.Pattern;

/**
 * Argument checks that return the checked value and name the argument in the message.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {

  /**
   * The longest identifier: ids name accounts, files and chart panels, and a longer one makes a
   * file name or a report line the file system or reader cannot take.
   */
  public static final int MAX_ID_LENGTH = 64;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID_LENGTH + "}");

  private Checks() {}

  /** Returns {@code value} if it is finite, else throws naming {@code name}. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new FieldException(name, "must be a finite number, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and {@code >= 0}. */
  public static double nonNegative(double value, String name) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new FieldException(name, "must be a finite number >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and {@code > 0}. */
  public static double positive(double value, String name) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new FieldException(name, "must be a finite number > 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [0, 1]}. */
  public static double fraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new FieldException(name, "must be between 0 and 1, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code >= 0}. */
  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new FieldException(name, "must be >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is {@code >= 1}. */
  public static int positive(int value, String name) {
    if (value < 1) {
      throw new FieldException(name, "must be >= 1, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is a valid identifier (1 to 64 of {@code [A-Za-z0-9_-]}). */
  public static String id(String value, String name) {
    if (!isId(value)) {
      throw new FieldException(name, idProblem(value));
    }
    return value;
  }

  /** Whether {@code value} is a valid identifier. */
  public static boolean isId(String value) {
    return value != null && value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
  }

  /** What is wrong with {@code value} as an identifier, quoting at most its first 40 characters. */
  public static String idProblem(String value) {
    if (value != null && value.length() > MAX_ID_LENGTH) {
      return "must be an identifier of at most "
          + MAX_ID_LENGTH
          + " characters, was "
          + value.length()
          + " characters long ('"
          + value.substring(0, 40)
          + "...')";
    }
    return "must be an identifier of letters, digits, '_' or '-', was '"
        + abbreviate(String.valueOf(value))
        + "'";
  }

  /** {@code text}, or its first 40 characters and its length when it is longer than 60. */
  public static String abbreviate(String text) {
    return text.length() <= 60
        ? text
        : text.substring(0, 40) + "... (" + text.length() + " characters)";
  }

  /** Returns {@code value} if it is not null. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new FieldException(name, "must not be null");
    }
    return value;
  }
}
