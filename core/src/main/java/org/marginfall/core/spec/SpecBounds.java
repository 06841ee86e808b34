package org.marginfall.core.spec;

/**
 * The range checks of {@link SpecNode}'s number fields: each reports a value out of range at the
 * field's node and returns NaN (or the lower bound, for whole numbers) in its place; a NaN, an
 * earlier failure, passes unreported. Stateless.
 */
final class SpecBounds {

  private SpecBounds() {}

  static double positive(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d > 0)) {
      node.fail("must be > 0, was " + d);
      return Double.NaN;
    }
    return d;
  }

  static double nonNegative(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d >= 0)) {
      node.fail("must be >= 0, was " + d);
      return Double.NaN;
    }
    return d;
  }

  static double between(SpecNode node, double d, double min, double max) {
    if (!Double.isNaN(d) && !(d >= min && d <= max)) {
      node.fail("must be between " + show(min) + " and " + show(max) + ", was " + d);
      return Double.NaN;
    }
    return d;
  }

  static double fraction(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d >= 0 && d <= 1)) {
      node.fail("must be between 0 and 1, was " + d);
      return Double.NaN;
    }
    return d;
  }

  static double atMost(SpecNode node, double d, double max) {
    if (!Double.isNaN(d) && d > max) {
      node.fail("must be at most " + show(max) + ", was " + d);
      return Double.NaN;
    }
    return d;
  }

  static double atLeast(SpecNode node, double d, double min) {
    if (!Double.isNaN(d) && d < min) {
      node.fail("must be at least " + show(min) + ", was " + d);
      return Double.NaN;
    }
    return d;
  }

  static int range(SpecNode node, long v, int min, int max) {
    if (v < min || v > max) {
      node.fail("must be between " + min + " and " + max + ", was " + v);
      return min;
    }
    return (int) v;
  }

  /**
   * A bound as written in messages: whole numbers without a fraction ({@code 10}, not {@code
   * 10.0}), large and small powers of ten as {@code 1e9} and {@code 1e-9}.
   */
  static String show(double bound) {
    if (bound == Math.rint(bound) && Math.abs(bound) < 1e9) {
      return Long.toString((long) bound);
    }
    long exponent = Math.round(Math.log10(Math.abs(bound)));
    if (Math.abs(exponent) >= 6 && Math.abs(bound) == Math.pow(10, exponent)) {
      return (bound < 0 ? "-" : "") + "1e" + exponent;
    }
    return Double.toString(bound);
  }
}
