package org.marginfall.core.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point conversion between asset units and ledger atoms.
 *
 * <p>The ledger counts every asset in integer atoms of 10^-6 units so that transfers are exact and
 * per-asset conservation holds to the last atom; margin formulas work in {@code double} units and
 * round to atoms only when value actually moves. Stateless and thread-safe.
 */
public final class Quantities {

  /** Atoms per unit of any asset. */
  public static final long ATOMS_PER_UNIT = 1_000_000L;

  private static final double MAX_UNITS = Long.MAX_VALUE / (double) ATOMS_PER_UNIT / 4;

  private Quantities() {}

  /** Units rounded down to whole atoms (never creates value that was not there). */
  public static long floorAtoms(double units) {
    return StrictMathRound.floor(check(units) * ATOMS_PER_UNIT);
  }

  /** Units rounded up to whole atoms (what is owed is never rounded away). */
  public static long ceilAtoms(double units) {
    return StrictMathRound.ceil(check(units) * ATOMS_PER_UNIT);
  }

  /** Units rounded to the nearest atom. */
  public static long atoms(double units) {
    return StrictMathRound.nearest(check(units) * ATOMS_PER_UNIT);
  }

  /**
   * The base-currency value of {@code atoms} of an asset at {@code price}, rounded up to whole
   * atoms exactly: the product is formed in decimal, so a value that is a whole number of atoms is
   * never pushed one atom up by binary rounding.
   */
  public static long ceilValueAtoms(long atoms, double price) {
    check(price);
    return new BigDecimal(atoms)
        .multiply(new BigDecimal(price))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** Atoms as units. */
  public static double units(long atoms) {
    return atoms / (double) ATOMS_PER_UNIT;
  }

  private static double check(double units) {
    if (!Double.isFinite(units) || Math.abs(units) > MAX_UNITS) {
      throw new ArithmeticException("quantity out of the ledger's range: " + units);
    }
    return units;
  }

  /** Rounding helpers kept in one place so every conversion rounds the same way. */
  private static final class StrictMathRound {
    static long floor(double x) {
      return (long) StrictMath.floor(x);
    }

    static long ceil(double x) {
      return (long) StrictMath.ceil(x);
    }

    static long nearest(double x) {
      return (long) StrictMath.rint(x);
    }
  }
}
