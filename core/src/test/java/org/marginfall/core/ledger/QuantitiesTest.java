package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

  /** Long.MAX_VALUE / 10^6 / 4 = 2.305843009213694e12 units: the documented range limit. */
  private static final double MAX_UNITS = Long.MAX_VALUE / 1e6 / 4;

  @Test
  void test_floorAtoms_roundsDownToWholeAtom() {
    // 1.0000004 units = 1_000_000.4 atoms
    assertEquals(1_000_000L, Quantities.floorAtoms(1.0000004, 6));
    assertEquals(1_000_000L, Quantities.floorAtoms(1.0000006, 6));
    // negative quantities round towards -infinity
    assertEquals(-1_000_001L, Quantities.floorAtoms(-1.0000004, 6));
  }

  @Test
  void test_ceilAtoms_roundsUpToWholeAtom() {
    assertEquals(1_000_001L, Quantities.ceilAtoms(1.0000004, 6));
    assertEquals(1_000_001L, Quantities.ceilAtoms(1.0000006, 6));
    assertEquals(-1_000_000L, Quantities.ceilAtoms(-1.0000004, 6));
  }

  @Test
  void test_atoms_roundsToNearestAtom() {
    assertEquals(1_000_000L, Quantities.atoms(1.0000004, 6));
    assertEquals(1_000_001L, Quantities.atoms(1.0000006, 6));
    assertEquals(-1_000_000L, Quantities.atoms(-1.0000004, 6));
    assertEquals(-1_000_001L, Quantities.atoms(-1.0000006, 6));
  }

  @Test
  void test_atoms_allRoundingsAgreeOnExactQuantity() {
    // 2.5 units is exactly 2_500_000 atoms (2.5 * 10^6 is exact in binary), so no rounding happens.
    assertEquals(2_500_000L, Quantities.floorAtoms(2.5, 6));
    assertEquals(2_500_000L, Quantities.ceilAtoms(2.5, 6));
    assertEquals(2_500_000L, Quantities.atoms(2.5, 6));
    assertEquals(0L, Quantities.floorAtoms(0.0, 6));
    assertEquals(0L, Quantities.ceilAtoms(0.0, 6));
  }

  @Test
  void test_atoms_subAtomQuantityRoundsEachWay() {
    // 2^-20 units = 0.95367431640625 atoms (exact in binary)
    double subAtom = 0x1.0p-20;
    assertEquals(0L, Quantities.floorAtoms(subAtom, 6));
    assertEquals(1L, Quantities.ceilAtoms(subAtom, 6));
    assertEquals(1L, Quantities.atoms(subAtom, 6));
  }

  @Test
  void test_units_dividesByAtomsPerUnit() {
    assertEquals(1_000_000L, Quantities.atomsPerUnit(6));
    assertEquals(1.5, Quantities.units(1_500_000L, 6), 0.0);
    assertEquals(-0.000001, Quantities.units(-1L, 6), 0.0);
  }

  @Test
  void test_floorAtoms_largestRangeIsAccepted() {
    // 2e12 units = 2e18 atoms, below Long.MAX_VALUE (9.22e18)
    assertEquals(2_000_000_000_000_000_000L, Quantities.floorAtoms(2.0e12, 6));
  }

  @Test
  void test_atoms_outOfRangeThrowsForEveryRounding() {
    for (double bad :
        new double[] {
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Math.nextUp(MAX_UNITS),
          -Math.nextUp(MAX_UNITS),
          1e15
        }) {
      assertThrows(ArithmeticException.class, () -> Quantities.floorAtoms(bad, 6), "floor " + bad);
      assertThrows(ArithmeticException.class, () -> Quantities.ceilAtoms(bad, 6), "ceil " + bad);
      assertThrows(ArithmeticException.class, () -> Quantities.atoms(bad, 6), "nearest " + bad);
    }
    // the limit itself is still inside the range: 2^63 / 10^6 / 4 units are 2^61 atoms
    assertEquals(0x1.0p61, (double) Quantities.floorAtoms(MAX_UNITS, 6), 0x1.0p61 * 1e-12);
  }

  @Test
  void test_floorAtoms_shortDecimalsConvertExactly() {
    // 1.001 * 1e6 is 1000999.9999999999 in binary floating point; the decimal form is 1,001,000.
    assertEquals(1_001_000L, Quantities.floorAtoms(1.001, 6));
    assertEquals(1_001_000L, Quantities.ceilAtoms(1.001, 6));
    assertEquals(290_000L, Quantities.floorAtoms(0.29, 6)); // 0.29 * 1e6 = 289999.99999999994
  }

  @Test
  void test_ceilValueAtoms_wholeDecimalValueIsNotRoundedUp() {
    // 593,334 atoms of ETH at 3000 = 1,780,002,000 base atoms exactly (the binary product
    // overshoots).
    assertEquals(1_780_002_000L, Quantities.ceilValueAtoms(593_334L, 6, 3000, 6));
    // 10 atoms at 0.1 are exactly 1 atom, though 0.1 is not exact in binary.
    assertEquals(1L, Quantities.ceilValueAtoms(10L, 6, 0.1, 6));
    // A genuine fraction rounds up: 3 atoms at 0.5 = 1.5 -> 2.
    assertEquals(2L, Quantities.ceilValueAtoms(3L, 6, 0.5, 6));
  }
}
