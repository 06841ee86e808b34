package org.marginfall.core.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact fixed-point conversion between asset units and ledger atoms, at any precision from 0 to 18
 * decimals.
 *
 * <p>A quantity in units is a {@code double}; the ledger counts integer atoms of 10^-d units. The
 * value converted is the double's shortest decimal form (the one {@link Double#toString} prints),
 * so 1.001 units at 6 decimals are exactly 1,001,000 atoms rather than the 1,000,999 that the
 * binary product {@code 1.001 * 1e6} would floor to. Rounding is explicit: floor what is received,
 * ceil what is owed.
 *
 * <p>No {@link BigDecimal} is made on the common path. For a quantity below 2^50 atoms, an IEEE
 * division decides whether a decimal of at most d fractional digits reads back as the double; if
 * one does, it is the shortest form and the atoms are that integer. If none does, no whole atom
 * lies between the shortest form and the binary value, so the rounding of the exact binary product
 * (an FMA gives its error) is the answer. Above 2^50 atoms a double cannot tell atoms apart, and
 * the exact binary value is rounded with a 128-bit product. A value product {@link #ceilValueAtoms}
 * falls back to decimal arithmetic only when the price's shortest form and its binary value would
 * round to different atoms, which needs the shortest form itself. Stateless and thread-safe.
 */
public final class Quantities {

  /** The precision of an asset declared without one whose range allows it: micro-units. */
  public static final int DEFAULT_DECIMALS = 6;

  /** The finest precision the ledger counts in (18, ETH's on-chain decimals). */
  public static final int MAX_DECIMALS = 18;

  private static final long[] POW10 = new long[MAX_DECIMALS + 1];
  private static final double[] POW10_D = new double[MAX_DECIMALS + 1];
  private static final double[] MAX_UNITS = new double[MAX_DECIMALS + 1];

  static {
    long p = 1;
    for (int d = 0; d <= MAX_DECIMALS; d++) {
      POW10[d] = p;
      POW10_D[d] = p; // exact: every power of ten up to 10^22 is a double
      MAX_UNITS[d] = Long.MAX_VALUE / (double) p / 4;
      p *= 10;
    }
  }

  /** Below this many atoms a double resolves fractions of an atom to better than a quarter. */
  private static final double FAST = 0x1p50;

  private static final int FLOOR = 0;
  private static final int CEIL = 1;
  private static final int HALF_EVEN = 2;

  private Quantities() {}

  /** Atoms per unit at {@code decimals}: 10^decimals. */
  public static long atomsPerUnit(int decimals) {
    return POW10[checkDecimals(decimals)];
  }

  /**
   * The largest quantity, in units, that one conversion accepts at {@code decimals}: a quarter of
   * the {@code long} range, so that a sum of a few such quantities cannot overflow unnoticed.
   */
  public static double maxUnits(int decimals) {
    return MAX_UNITS[checkDecimals(decimals)];
  }

  /** Units rounded down to whole atoms (never creates value that was not there). */
  public static long floorAtoms(double units, int decimals) {
    return toAtoms(units, decimals, FLOOR);
  }

  /** Units rounded up to whole atoms (what is owed is never rounded away). */
  public static long ceilAtoms(double units, int decimals) {
    return toAtoms(units, decimals, CEIL);
  }

  /** Units rounded to the nearest atom, ties to even. */
  public static long atoms(double units, int decimals) {
    return toAtoms(units, decimals, HALF_EVEN);
  }

  /** Atoms as units. */
  public static double units(long atoms, int decimals) {
    return atoms / POW10_D[checkDecimals(decimals)];
  }

  /**
   * The value of {@code atoms} of an asset counted at {@code atomDecimals}, at {@code price} per
   * unit, in atoms of an asset counted at {@code valueDecimals}, rounded up: the product is that of
   * the price's shortest decimal form, so a value that is a whole number of atoms is never pushed
   * one atom up by binary rounding.
   */
  public static long ceilValueAtoms(long atoms, int atomDecimals, double price, int valueDecimals) {
    checkDecimals(atomDecimals);
    checkDecimals(valueDecimals);
    if (!Double.isFinite(price) || Math.abs(price) > Long.MAX_VALUE / 4.0) {
      throw new ArithmeticException("price out of the ledger's range: " + price);
    }
    int shift = valueDecimals - atomDecimals;
    long exact = ShortPrice.ceilProduct(atoms, price, shift);
    if (exact != ShortPrice.NONE) {
      return exact;
    }
    double scale = shift >= 0 ? POW10_D[shift] : 1 / POW10_D[-shift];
    double y = atoms * price * scale;
    // |binary product - decimal product| <= atoms * ulp(price) / 2 * 10^shift; the double y adds
    // at most a few ulps of its own. Outside that band both round up to the same atom.
    double tolerance = Math.abs(atoms) * Math.ulp(price) * scale + 4 * Math.ulp(y);
    double c = Math.ceil(y);
    if (Math.abs(y) < FAST && c - y > tolerance && y - (c - 1) > tolerance) {
      return (long) c;
    }
    BigDecimal value =
        BigDecimal.valueOf(atoms).multiply(BigDecimal.valueOf(price)).movePointRight(shift);
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static long toAtoms(double units, int decimals, int mode) {
    checkDecimals(decimals);
    if (!Double.isFinite(units) || Math.abs(units) > MAX_UNITS[decimals]) {
      throw new ArithmeticException(
          "quantity out of the ledger's range at "
              + decimals
              + " decimals (at most "
              + MAX_UNITS[decimals]
              + " units): "
              + units);
    }
    double s = POW10_D[decimals];
    double x = units * s;
    if (Math.abs(x) >= FAST) {
      return WideProduct.round(units, POW10[decimals], mode);
    }
    long k = (long) Math.rint(x);
    if ((double) k / s == units) {
      return k; // a decimal of at most `decimals` fractional digits reads back as units
    }
    double err = Math.fma(units, s, -x); // exact: units * s = x + err
    switch (mode) {
      case FLOOR -> {
        double f = Math.floor(x);
        return (long) (f == x && err < 0 ? f - 1 : f);
      }
      case CEIL -> {
        double c = Math.ceil(x);
        return (long) (c == x && err > 0 ? c + 1 : c);
      }
      default -> {
        // A shortest form that ends in a 5 right after the last atom digit is a tie; which such
        // decimal Double.toString picks needs the decimal arithmetic.
        long m = (long) Math.rint(2 * x);
        if ((m & 1) != 0 && (double) m / (2 * s) == units) {
          return BigDecimal.valueOf(units)
              .movePointRight(decimals)
              .setScale(0, RoundingMode.HALF_EVEN)
              .longValueExact();
        }
        double f = Math.floor(x);
        if (x - f == 0.5 && err != 0) {
          return (long) (err > 0 ? f + 1 : f);
        }
        return (long) Math.rint(x);
      }
    }
  }

  private static int checkDecimals(int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be in [0, " + MAX_DECIMALS + "]: " + decimals);
    }
    return decimals;
  }

  static long pow10(int exponent) {
    return POW10[exponent];
  }
}
