package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The integer conversions agree with the decimal definition they replace: the double's shortest
 * decimal form ({@link BigDecimal#valueOf(double)}) scaled and rounded. Below 2^50 atoms they agree
 * on every input; at and above it the ledger rounds the exact binary value (a double cannot tell
 * atoms apart there), which the 128-bit reference below checks.
 */
class QuantitiesExactnessTest {

  private static final RoundingMode[] MODES = {
    RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_EVEN
  };

  private static long reference(double units, int decimals, RoundingMode mode) {
    return BigDecimal.valueOf(units).movePointRight(decimals).setScale(0, mode).longValueExact();
  }

  private static long binaryReference(double units, int decimals, RoundingMode mode) {
    return new BigDecimal(units).movePointRight(decimals).setScale(0, mode).longValueExact();
  }

  private static long convert(double units, int decimals, RoundingMode mode) {
    return switch (mode) {
      case FLOOR -> Quantities.floorAtoms(units, decimals);
      case CEILING -> Quantities.ceilAtoms(units, decimals);
      default -> Quantities.atoms(units, decimals);
    };
  }

  private static void agree(double units, int decimals) {
    boolean wide = Math.abs(units) * Math.pow(10, decimals) >= 0x1p50;
    for (RoundingMode mode : MODES) {
      long expected =
          wide ? binaryReference(units, decimals, mode) : reference(units, decimals, mode);
      assertEquals(
          expected,
          convert(units, decimals, mode),
          units + " at " + decimals + " decimals, " + mode);
    }
  }

  @Test
  void test_shortDecimals_convertExactlyAtEveryPrecision() {
    // k / 10^q for every precision: the amounts scenarios state (1.001, 0.29, 2500.5, 1e-18 ...).
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 400_000; n++) {
      int decimals = random.nextInt(19);
      int q = random.nextInt(decimals + 3);
      long k = random.nextLong(1, 10_000_000_000L);
      double units = (random.nextBoolean() ? k : -k) / Math.pow(10, q);
      if (Math.abs(units) <= Quantities.maxUnits(decimals)) {
        agree(units, decimals);
      }
    }
  }

  @Test
  void test_arbitraryDoubles_convertLikeTheirShortestDecimal() {
    // Amounts computed by margin formulas: full binary fractions over many magnitudes.
    SplittableRandom random = new SplittableRandom(12);
    for (int n = 0; n < 400_000; n++) {
      int decimals = random.nextInt(19);
      double max = Quantities.maxUnits(decimals);
      double units =
          Math.scalb(random.nextDouble(), random.nextInt(-40, 45))
              * (random.nextBoolean() ? 1 : -1);
      if (Math.abs(units) <= max) {
        agree(units, decimals);
      }
    }
  }

  @Test
  void test_halfAtomDecimals_roundToEvenLikeTheDecimalForm() {
    // 0.0000005 at 6 decimals is half an atom in decimal, slightly less in binary: decimal wins.
    for (int d = 0; d <= 17; d++) {
      for (long k = 1; k < 2000; k++) {
        agree((2 * k + 1) / (2 * Math.pow(10, d)), d);
      }
    }
    assertEquals(0L, Quantities.atoms(0.0000005, 6));
    assertEquals(2L, Quantities.atoms(0.0000015, 6));
  }

  @Test
  void test_rangeBounds_acceptedAtTheLimitAndRefusedBeyondAtEveryPrecision() {
    for (int d = 0; d <= Quantities.MAX_DECIMALS; d++) {
      double max = Quantities.maxUnits(d);
      assertEquals(Long.MAX_VALUE / Math.pow(10, d) / 4, max, 0.0);
      // The limit itself converts (it is about 2^61 atoms) and agrees with the exact binary value.
      agree(max, d);
      agree(-max, d);
      int precision = d;
      assertThrows(
          ArithmeticException.class, () -> Quantities.floorAtoms(Math.nextUp(max), precision));
      assertThrows(
          ArithmeticException.class, () -> Quantities.ceilAtoms(-Math.nextUp(max), precision));
    }
    // 18 decimals: 2.305843009213694 units is the largest quantity; one wei is one atom.
    assertEquals(1L, Quantities.floorAtoms(1e-18, 18));
    assertEquals(0L, Quantities.floorAtoms(9e-19, 18));
    assertEquals(1L, Quantities.ceilAtoms(9e-19, 18));
    assertThrows(IllegalArgumentException.class, () -> Quantities.floorAtoms(1, 19));
    assertThrows(IllegalArgumentException.class, () -> Quantities.floorAtoms(1, -1));
  }

  @Test
  void test_ceilValueAtoms_agreesWithTheDecimalProductAcrossPrecisions() {
    SplittableRandom random = new SplittableRandom(13);
    double price = 3000;
    for (int n = 0; n < 300_000; n++) {
      price *= Math.exp(0.01 * (random.nextDouble() - 0.5));
      double p =
          switch (n % 4) {
            case 0 -> price; // a random-walk price: a 16- or 17-digit shortest form
            case 1 -> Math.rint(price * 100) / 100; // a quoted price with cents
            case 2 -> 1.0;
            default -> random.nextInt(1, 100_000) / 1000.0;
          };
      int from = random.nextInt(19);
      int to = random.nextInt(19);
      long atoms = random.nextLong(0, (long) Math.min(1e15, Math.pow(10, from) * 1e6) + 1);
      BigDecimal exact =
          BigDecimal.valueOf(atoms)
              .multiply(BigDecimal.valueOf(p))
              .movePointRight(to - from)
              .setScale(0, RoundingMode.CEILING);
      if (exact.abs().compareTo(BigDecimal.valueOf(1L << 61)) < 0) {
        assertEquals(
            exact.longValueExact(),
            Quantities.ceilValueAtoms(atoms, from, p, to),
            atoms + " atoms at " + from + " decimals x " + p + " -> " + to + " decimals");
      }
    }
  }

  @Test
  void test_ceilValueAtoms_hasNoBinaryOvershootAcrossPrecisions() {
    // 1 ETH at 18 decimals at 3000.1 USD is 3000.1 USD at 6 decimals exactly.
    assertEquals(
        3_000_100_000L, Quantities.ceilValueAtoms(1_000_000_000_000_000_000L, 18, 3000.1, 6));
    // 0.3 BTC (8 decimals) at 0.1 is 0.03 exactly: 30,000 atoms at 6 decimals.
    assertEquals(30_000L, Quantities.ceilValueAtoms(30_000_000L, 8, 0.1, 6));
    // 1 atom at 18 decimals is worth a sliver of a USD micro-unit: rounded up to one.
    assertEquals(1L, Quantities.ceilValueAtoms(1L, 18, 3000, 6));
  }

  @Test
  void test_precision_namesTheAssetWhenOutOfRange() {
    Precision luna = Precision.of(org.marginfall.core.asset.AssetId.of("LUNA"), 6);
    LedgerRangeException e =
        assertThrows(LedgerRangeException.class, () -> luna.floorAtoms(6.5e12));
    assertEquals("LUNA", e.asset().value());
    assertEquals(6, e.decimals());
    // The same supply counted at 4 decimals fits: 6.5e16 atoms.
    Precision coarse = Precision.of(org.marginfall.core.asset.AssetId.of("LUNA"), 4);
    assertEquals(65_000_000_000_000_000L, coarse.floorAtoms(6.5e12));
  }
}
