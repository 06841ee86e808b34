package org.marginfall.agents.multivenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VenueId;

/**
 * The sharing-limit formula on worked examples: leg i may draw {@code A (f_i + share (1 − f_i))} of
 * each asset, reserved part first; isolated legs never reduce each other's room.
 */
class SharingLimitsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final VenueId X = VenueId.of("x");
  private static final VenueId Y = VenueId.of("y");
  private static final VenueId Z = VenueId.of("z");
  private static final double INF = Double.POSITIVE_INFINITY;

  /** 1000 USD in the pool. */
  private static final long POOL = Precision.MICRO.atoms(1000);

  /** Weights 1, 1, 2: slices f = 0.25, 0.25, 0.5. */
  private static SharingLimits limits(double share, List<RingFence> fences) {
    return new SharingLimits(
        share, List.of(X, Y, Z), List.of(1.0, 1.0, 2.0), List.of(INF, INF, INF), fences);
  }

  @Test
  void test_limitAtoms_halfSharedGivesSliceOwnPlusShareOfTheRest() {
    SharingLimits l = limits(0.5, List.of());
    // Reserved (1 − 0.5) × f × 1000 = 125, 125, 250; common 0.5 × 1000 = 500.
    assertEquals(Precision.MICRO.atoms(125), l.reservedAtoms(USD, 0, POOL));
    assertEquals(Precision.MICRO.atoms(250), l.reservedAtoms(USD, 2, POOL));
    assertEquals(Precision.MICRO.atoms(500), l.commonAtoms(USD, POOL));
    // x: 1000 × (0.25 + 0.5 × 0.75) = 625; z: 1000 × (0.5 + 0.5 × 0.5) = 750.
    assertEquals(Precision.MICRO.atoms(625), l.limitAtoms(USD, 0, POOL));
    assertEquals(Precision.MICRO.atoms(750), l.limitAtoms(USD, 2, POOL));
  }

  @Test
  void test_limitAtoms_shareZeroIsTheSliceAndShareOneTheWholePool() {
    SharingLimits isolated = limits(0, List.of());
    assertEquals(Precision.MICRO.atoms(250), isolated.limitAtoms(USD, 0, POOL));
    assertEquals(Precision.MICRO.atoms(500), isolated.limitAtoms(USD, 2, POOL));
    assertEquals(0, isolated.commonAtoms(USD, POOL));
    SharingLimits shared = limits(1, List.of());
    for (int i = 0; i < 3; i++) {
      assertEquals(POOL, shared.limitAtoms(USD, i, POOL));
    }
    assertEquals(isolated, shared.isolated());
  }

  @Test
  void test_fraction_ringFenceRenormalisesOverItsVenues() {
    SharingLimits l = limits(0.5, List.of(new RingFence(List.of(ETH), List.of(X, Z))));
    assertTrue(l.allowed(ETH, 0));
    assertFalse(l.allowed(ETH, 1));
    assertTrue(l.allowed(USD, 1));
    // ETH goes to x and z only: f = 1 / 3 and 2 / 3; y gets none.
    assertEquals(1.0 / 3, l.fraction(ETH, 0), 1e-15);
    assertEquals(0, l.fraction(ETH, 1), 0);
    long eth = Precision.MICRO.atoms(3);
    // Reserved floor(0.5 × 1/3 × 3e6) = 500,000 and floor(0.5 × 2/3 × 3e6) = 1,000,000 atoms;
    // common 3e6 − 1.5e6 = 1.5e6.
    assertEquals(500_000, l.reservedAtoms(ETH, 0, eth));
    assertEquals(1_000_000, l.reservedAtoms(ETH, 2, eth));
    assertEquals(1_500_000, l.commonAtoms(ETH, eth));
    assertEquals(0, l.limitAtoms(ETH, 1, eth));
    assertEquals(2_000_000, l.limitAtoms(ETH, 0, eth));
  }

  @Test
  void test_new_rejectsShareOutsideUnitInterval() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> limits(1.5, List.of()));
    assertTrue(e.getMessage().startsWith("share: "), e.getMessage());
  }

  @Test
  void test_take_isolatedDrawNeverReducesAnotherLegsRoom() {
    PoolBudget b =
        new PoolBudget(limits(0, List.of()), Map.of(USD, POOL), Map.of(USD, Precision.MICRO));
    assertEquals(Precision.MICRO.atoms(250), b.room(0, USD, 1));
    PoolBudget.Draw d = b.take(0, USD, Precision.MICRO.atoms(250), 1);
    assertEquals(new PoolBudget.Draw(Precision.MICRO.atoms(250), 0), d);
    assertEquals(0, b.room(0, USD, 1));
    assertEquals(Precision.MICRO.atoms(250), b.room(1, USD, 1));
    assertEquals(Precision.MICRO.atoms(500), b.room(2, USD, 1));
  }

  @Test
  void test_take_halfSharedDrawsOwnReserveFirstThenCommon() {
    PoolBudget b =
        new PoolBudget(limits(0.5, List.of()), Map.of(USD, POOL), Map.of(USD, Precision.MICRO));
    // x draws 600: its 125 reserved, then 475 common; 25 common is left.
    PoolBudget.Draw d = b.take(0, USD, Precision.MICRO.atoms(600), 1);
    assertEquals(new PoolBudget.Draw(Precision.MICRO.atoms(125), Precision.MICRO.atoms(475)), d);
    assertEquals(Precision.MICRO.atoms(25), b.room(0, USD, 1));
    // y keeps its 125 reserved plus the 25 common; z its 250 plus 25.
    assertEquals(Precision.MICRO.atoms(150), b.room(1, USD, 1));
    assertEquals(Precision.MICRO.atoms(275), b.room(2, USD, 1));
    assertThrows(
        IllegalStateException.class, () -> b.take(1, USD, Precision.MICRO.atoms(150) + 1, 1));
  }

  @Test
  void test_room_capBoundsValueDrawnAtDrawPrices() {
    SharingLimits l =
        new SharingLimits(1, List.of(X, Y), List.of(1.0, 1.0), List.of(300.0, INF), List.of());
    PoolBudget b =
        new PoolBudget(l, Map.of(ETH, Precision.MICRO.atoms(10)), Map.of(ETH, Precision.MICRO));
    // Cap 300 USD at ETH 200: floor(300 / 200) = 1.5 ETH.
    assertEquals(Precision.MICRO.atoms(1.5), b.room(0, ETH, 200));
    b.take(0, ETH, Precision.MICRO.atoms(1), 200);
    // 200 drawn; 100 left at 250 is 0.4 ETH.
    assertEquals(Precision.MICRO.atoms(0.4), b.room(0, ETH, 250));
    assertEquals(Precision.MICRO.atoms(9), b.room(1, ETH, 250));
  }
}
