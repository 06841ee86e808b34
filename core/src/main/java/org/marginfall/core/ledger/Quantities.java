package org.marginfall.core.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point conversion between asset units and ledger atoms.
 *
 * <p>The ledger counts every asset in integer atoms of 10^-6 units so that transfers are exact and
 * per-asset conservation holds to the last atom; margin formulas work in {@code double} units and
 * round to atoms only when value actually moves. Conversions go through the shortest decimal form
 * of the double ({@link BigDecimal#valueOf(double)}), so 1.001 units are exactly 1,001,000 atoms
 * rather than the 1,000,999 that a binary product {@code 1.001 * 1e6} would floor to. Stateless
 * and thread-safe.
 */
public final class Quantities {

  /** Atoms per unit of any asset. */
  public static final long ATOMS_PER_UNIT = 1_000_000L;

  private static final double MAX_UNITS = Long.MAX_VALUE / (double) ATOMS_PER_UNIT / 4;

  private Quantities() {}

  /** Units rounded down to whole atoms (never creates value that was not there). */
  public static long floorAtoms(double units) {
    return toAtoms(units, RoundingMode.FLOOR);
  }

  /** Units rounded up to whole atoms (what is owed is never rounded away). */
  public static long ceilAtoms(double units) {
    return toAtoms(units, RoundingMode.CEILING);
  }

  /** Units rounded to the nearest atom. */
  public static long atoms(double units) {
    return toAtoms(units, RoundingMode.HALF_EVEN);
  }

  /**
   * The base-currency value of {@code atoms} of an asset at {@code price}, rounded up to whole
   * atoms exactly: the product is formed in decimal, so a value that is a whole number of atoms is
   * never pushed one atom up by binary rounding.
   */
  public static long ceilValueAtoms(long atoms, double price) {
    check(price);
    return BigDecimal.valueOf(atoms)
        .multiply(BigDecimal.valueOf(price))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** Atoms as units. */
  public static double units(long atoms) {
    return atoms / (double) ATOMS_PER_UNIT;
  }

  private static long toAtoms(double units, RoundingMode mode) {
    return BigDecimal.valueOf(check(units)).movePointRight(6).setScale(0, mode).longValueExact();
  }

  private static double check(double units) {
    if (!Double.isFinite(units) || Math.abs(units) > MAX_UNITS) {
      throw new ArithmeticException("quantity out of the ledger's range: " + units);
    }
    return units;
  }
}
