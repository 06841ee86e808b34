package org.marginfall.core.ledger;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * How finely the ledger counts one asset: atoms of 10^-decimals units, with the conversions a venue
 * or agent needs between units (doubles, where margin formulas live) and atoms (where value moves).
 * A quantity beyond the range throws a {@link LedgerRangeException} naming the asset. Immutable and
 * thread-safe.
 */
public final class Precision {

  /** Six decimals for an asset that has no name here: what tests and tools count in by default. */
  public static final Precision MICRO = new Precision(null, Quantities.DEFAULT_DECIMALS);

  private final AssetId asset;
  private final int decimals;
  private final double maxUnits;

  private Precision(AssetId asset, int decimals) {
    this.asset = asset;
    this.decimals = decimals;
    this.maxUnits = Quantities.maxUnits(decimals);
  }

  /** The precision of {@code asset} at {@code decimals} (0 to {@link Quantities#MAX_DECIMALS}). */
  public static Precision of(AssetId asset, int decimals) {
    return new Precision(Objects.requireNonNull(asset, "asset"), decimals);
  }

  /** The asset counted, or null for {@link #MICRO}. */
  public AssetId asset() {
    return asset;
  }

  /** Decimal digits below the unit. */
  public int decimals() {
    return decimals;
  }

  /** Atoms per unit: 10^decimals. */
  public long atomsPerUnit() {
    return Quantities.atomsPerUnit(decimals);
  }

  /** The largest quantity in units one conversion accepts. */
  public double maxUnits() {
    return maxUnits;
  }

  /** Units rounded down to whole atoms (what is received is never rounded up). */
  public long floorAtoms(double units) {
    return Quantities.floorAtoms(check(units), decimals);
  }

  /** Units rounded up to whole atoms (what is owed is never rounded away). */
  public long ceilAtoms(double units) {
    return Quantities.ceilAtoms(check(units), decimals);
  }

  /**
   * {@code min(cap, ceilAtoms(units))}, also when {@code units} is beyond the ledger's range but at
   * least {@code cap}: a quantity only ever capped by what is held (an amount to sell at a price
   * that has collapsed) is the cap, not a range failure.
   */
  public long ceilAtomsAtMost(double units, long cap) {
    if (units > maxUnits && units >= units(cap)) {
      return cap;
    }
    return Math.min(cap, ceilAtoms(units));
  }

  /**
   * {@code min(cap, floorAtoms(units))}, also when {@code units} is beyond the range but at least
   * {@code cap}.
   */
  public long floorAtomsAtMost(double units, long cap) {
    if (units > maxUnits && units >= units(cap)) {
      return cap;
    }
    return Math.min(cap, floorAtoms(units));
  }

  /** Units rounded to the nearest atom, ties to even. */
  public long atoms(double units) {
    return Quantities.atoms(check(units), decimals);
  }

  /** Atoms as units. */
  public double units(long atoms) {
    return Quantities.units(atoms, decimals);
  }

  /**
   * The value of {@code atoms} of this asset at {@code price} per unit, in atoms of the asset
   * counted at {@code value} (usually the base currency), rounded up.
   */
  public long ceilValueAtoms(long atoms, double price, Precision value) {
    try {
      return Quantities.ceilValueAtoms(atoms, decimals, price, value.decimals);
    } catch (ArithmeticException e) {
      throw new LedgerRangeException(
          value.asset,
          value.decimals,
          "the value of "
              + units(atoms)
              + " "
              + asset
              + " at "
              + price
              + " "
              + value.asset
              + " per unit does not fit");
    }
  }

  private double check(double units) {
    if (!(Math.abs(units) <= maxUnits)) {
      String unit = asset == null ? "units" : asset.value();
      throw new LedgerRangeException(
          asset,
          decimals,
          "a quantity of "
              + units
              + " "
              + unit
              + " is beyond the ledger's range of "
              + maxUnits
              + " "
              + unit
              + " in one amount");
    }
    return units;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Precision p && p.decimals == decimals && Objects.equals(p.asset, asset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(asset, decimals);
  }

  @Override
  public String toString() {
    return (asset == null ? "" : asset + " ") + decimals + " decimals";
  }
}
