package org.marginfall.core.ledger;

/**
 * The exact product of a double and a power of ten, rounded to a whole number, for quantities of
 * 2^50 atoms and more, where a double no longer resolves fractions of an atom: the double's
 * significand times the power of ten is formed in 128 bits and shifted by its exponent. Stateless.
 */
final class WideProduct {

  private WideProduct() {}

  /**
   * {@code units * scale} rounded by {@code mode} (0 floor, 1 ceiling, 2 half-even); the caller has
   * checked that the result fits in a {@code long}.
   */
  static long round(double units, long scale, int mode) {
    boolean negative = units < 0;
    double magnitude = Math.abs(units);
    int exponent = Math.getExponent(magnitude) - 52;
    long significand =
        (Double.doubleToRawLongBits(magnitude) & 0x000F_FFFF_FFFF_FFFFL) | 0x0010_0000_0000_0000L;
    if (Math.getExponent(magnitude) < Double.MIN_EXPONENT) {
      throw new ArithmeticException("subnormal quantity cannot reach 2^50 atoms: " + units);
    }
    long hi = Math.multiplyHigh(significand, scale);
    long lo = significand * scale;
    long whole;
    long remainder;
    long half;
    if (exponent >= 0) {
      whole = Math.multiplyExact(lo, 1L << exponent);
      if (hi != 0 || exponent > 62) {
        throw new ArithmeticException("quantity out of the ledger's range: " + units);
      }
      remainder = 0;
      half = 1;
    } else {
      int n = -exponent; // 1..63: the product is at least 2^50 and below 2^113
      if (n >= 64 || (hi >>> n) != 0) {
        throw new ArithmeticException("quantity out of the ledger's range: " + units);
      }
      whole = (hi << (64 - n)) | (lo >>> n);
      if (whole < 0) {
        throw new ArithmeticException("quantity out of the ledger's range: " + units);
      }
      long mask = n == 64 ? -1L : (1L << n) - 1;
      remainder = lo & mask;
      half = 1L << (n - 1);
    }
    // Round the magnitude with the mode mirrored for a negative quantity.
    int m = negative && mode != 2 ? 1 - mode : mode;
    if (remainder != 0) {
      if (m == 1) {
        whole++;
      } else if (m == 2) {
        int c = Long.compareUnsigned(remainder, half);
        if (c > 0 || (c == 0 && (whole & 1) != 0)) {
          whole++;
        }
      }
    }
    return negative ? -whole : whole;
  }
}
