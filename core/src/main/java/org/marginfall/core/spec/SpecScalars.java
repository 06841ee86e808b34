package org.marginfall.core.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@link SpecNode}'s scalar as text, a boolean or a number (the decimal forms YAML and JSON
 * write, within the range every scenario number is computed in), each failure reported at the node.
 * Stateless.
 */
final class SpecScalars {

  /**
   * A decimal number: optional sign, digits with an optional point (or a point and digits),
   * optional exponent. Possessive, so a long run of digits that fails to match is not retried at
   * every split.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][-+]?\\d++)?");

  private SpecScalars() {}

  /** The node as text; empty after a failure. */
  static String asString(SpecNode node) {
    Object value = node.raw();
    if (node.isMissing()) {
      node.fail("is required");
      return "";
    }
    if (value instanceof Map || value instanceof List) {
      node.fail("must be a single value");
      return "";
    }
    return String.valueOf(value);
  }

  /** The node as a boolean; {@code defaultValue} when it is missing or after a failure. */
  static boolean asBoolean(SpecNode node, boolean defaultValue) {
    if (node.isMissing()) {
      return defaultValue;
    }
    if (node.raw() instanceof Boolean b) {
      return b;
    }
    node.fail("must be true or false, was '" + node.describe() + "'");
    return defaultValue;
  }

  /** Whether a scalar is a number (or text that reads as one). */
  static boolean isNumber(Object value) {
    return value instanceof Number || (value instanceof String s && parses(s));
  }

  /** The node as a finite number within the scenario range; NaN after a failure. */
  static double asDouble(SpecNode node) {
    Object value = node.raw();
    if (node.isMissing()) {
      node.fail("is required");
      return Double.NaN;
    }
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s && parses(s)) {
      d = Double.parseDouble(s);
    } else {
      node.fail("must be a number, was '" + node.describe() + "'");
      return Double.NaN;
    }
    if (!Double.isFinite(d)) {
      node.fail("must be a finite number, was " + node.describe());
      return Double.NaN;
    }
    if (Math.abs(d) > SpecNode.MAX_MAGNITUDE) {
      node.fail(
          "must be at most 1e15 in magnitude (the range every quantity and price is computed in), was "
              + d);
      return Double.NaN;
    }
    if (d != 0 && Math.abs(d) < SpecNode.MIN_MAGNITUDE) {
      node.fail("must be 0 or at least 1e-12 in magnitude, was " + d);
      return Double.NaN;
    }
    return d;
  }

  /** The node as a whole number; 0 after a failure. */
  static long asLong(SpecNode node) {
    Object value = node.raw();
    if (node.isMissing()) {
      node.fail("is required");
      return 0;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    try {
      BigDecimal d = null;
      if (value instanceof Number n && !(value instanceof BigInteger)) {
        d = new BigDecimal(n.toString());
      } else if (value instanceof String s && parses(s)) {
        d = new BigDecimal(s);
      }
      if (d != null) {
        return d.longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // NaN, infinite, not whole, or out of range: reported below
    }
    node.fail("must be a whole number, was '" + node.describe() + "'");
    return 0;
  }

  /**
   * Whether text is a decimal number as YAML and JSON write one ({@code 7}, {@code -0.25}, {@code
   * 2.0e8}); Double.parseDouble would also take {@code 0x1p3}, {@code 1d}, {@code " 7 "}, {@code
   * NaN} and {@code Infinity}.
   */
  private static boolean parses(String s) {
    return DECIMAL.matcher(s).matches();
  }
}
