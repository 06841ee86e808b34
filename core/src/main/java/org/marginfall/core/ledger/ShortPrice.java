package org.marginfall.core.ledger;

/**
 * The exact value product for a price with a short decimal form (at most nine fractional digits,
 * such as 2000, 0.98 or 1.0001), in integers: prices a scenario states and round test prices hit
 * this path, where the product is often a whole number of atoms that binary rounding would push up
 * one atom. Stateless.
 */
final class ShortPrice {

  /** No short form, or the integer product would overflow: use the general path. */
  static final long NONE = Long.MIN_VALUE;

  private static final int MAX_DIGITS = 9;
  private static final double LIMIT = 0x1p50;

  private ShortPrice() {}

  /**
   * ceil(atoms * price * 10^shift) when the price's shortest form has at most nine fractional
   * digits and the integer arithmetic fits, else {@link #NONE}.
   */
  static long ceilProduct(long atoms, double price, int shift) {
    double p9 = price * 1e9;
    if (!(Math.abs(p9) < LIMIT) || Math.abs(p9 - Math.rint(p9)) > 1e-3) {
      return NONE; // no decimal of at most nine fractional digits is near enough to read back as it
    }
    for (int q = 0; q <= MAX_DIGITS; q++) {
      double scaled = Math.rint(price * Quantities.pow10(q));
      // The first q at which a q-digit decimal reads back as the price gives the shortest form.
      if (scaled / Quantities.pow10(q) == price) {
        return ceilTimesPow10(atoms, (long) scaled, shift - q);
      }
    }
    return NONE;
  }

  private static long ceilTimesPow10(long atoms, long digits, int exponent) {
    long product;
    try {
      product = Math.multiplyExact(atoms, digits);
      if (exponent >= 0) {
        return exponent > 18 ? NONE : Math.multiplyExact(product, Quantities.pow10(exponent));
      }
    } catch (ArithmeticException overflow) {
      return NONE;
    }
    if (product == Long.MIN_VALUE) {
      return NONE;
    }
    int down = -exponent;
    if (down > 18) {
      // 10^down exceeds every long product but zero; the ceiling of a tiny positive value is 1.
      return product > 0 ? 1 : 0;
    }
    return -Math.floorDiv(-product, Quantities.pow10(down));
  }
}
