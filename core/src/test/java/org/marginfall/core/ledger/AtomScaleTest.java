package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

/** Atoms of a receipt and of its underlying at different decimals, converted by hand. */
class AtomScaleTest {

  private static final AssetId A = AssetId.of("A");

  @Test
  void test_between_finerTargetMultipliesCoarserTargetDivides() {
    AtomScale up = AtomScale.between(Precision.of(A, 6), Precision.of(A, 18));
    assertEquals(new AtomScale(1_000_000_000_000L, 1), up);
    // 2.5 receipt atoms at 6 decimals are 2.5e-6 units: 2.5e12 atoms at 18 decimals.
    assertEquals(2.5e12, up.apply(2.5), 0);
    assertEquals(2.5, up.invert(2.5e12), 0);
    AtomScale down = AtomScale.between(Precision.of(A, 9), Precision.of(A, 6));
    assertEquals(new AtomScale(1, 1_000), down);
    assertEquals(1.234, down.apply(1_234), 0);
    assertEquals(0.001, down.ratio(), 0);
  }

  @Test
  void test_between_sameDecimalsIsTheIdentity() {
    assertEquals(AtomScale.IDENTITY, AtomScale.between(Precision.of(A, 8), Precision.of(A, 8)));
    assertEquals(0.1 * 3, AtomScale.IDENTITY.apply(0.1 * 3), 0);
  }

  @Test
  void test_constructor_refusesTwoFactorsAboveOne() {
    assertThrows(IllegalArgumentException.class, () -> new AtomScale(10, 10));
    assertThrows(IllegalArgumentException.class, () -> new AtomScale(0, 1));
  }
}
