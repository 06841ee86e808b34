package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.protocols.cdp.Liquidations2Math.Bark;
import org.marginfall.protocols.cdp.Liquidations2Math.Take;

/**
 * dog.sol bark and clip.sol take/status/incentive rules on hand-computed amounts (in atoms of 1e-6
 * units; {@code u(x)} converts units).
 */
class Liquidations2MathTest {

  private static final double CHOP = 1.13;
  private static final long DUST = u(15_000);
  private static final long BIG = u(100_000_000);

  private static long u(double units) {
    return CdpHarness.atoms(units);
  }

  @Test
  void test_bark_wholeVaultWhenLimitsLeaveRoom() {
    // 10 ETH, 15,000 debt; room 5M: dart = min(15,000, 5M / 1.13) = 15,000, dink = 10,
    // tab = 15,000 * 1.13 = 16,950.
    Bark b = Liquidations2Math.bark(u(10), u(15_000), BIG, u(5_000_000), DUST, CHOP).orElseThrow();
    assertEquals(new Bark(u(15_000), u(10), u(16_950)), b);
  }

  @Test
  void test_bark_partialWhenIlkHoleBinds() {
    // ilk room 5,000,000 - 4,887,000 = 113,000: due = 113,000 / 1.13 = 100,000 of 200,000;
    // the 100,000 left is above dust; dink = 100 * 100,000 / 200,000 = 50; tab = 113,000.
    Bark b = Liquidations2Math.bark(u(100), u(200_000), BIG, u(113_000), DUST, CHOP).orElseThrow();
    assertEquals(new Bark(u(100_000), u(50), u(113_000)), b);
  }

  @Test
  void test_bark_partialWhenGlobalHoleBinds() {
    // Hole room 56,500 < ilk room: due = 56,500 / 1.13 = 50,000; dink = 100 * 50,000 / 200,000 =
    // 25.
    Bark b =
        Liquidations2Math.bark(u(100), u(200_000), u(56_500), u(5_000_000), DUST, CHOP)
            .orElseThrow();
    assertEquals(new Bark(u(50_000), u(25), u(56_500)), b);
  }

  @Test
  void test_bark_takesWholeVaultWhenLeftoverWouldBeDusty() {
    // room 113,000 allows 100,000 of 110,000; the 10,000 left is below dust 15,000, so dog.sol
    // liquidates all of it: due 110,000, tab 124,300 (above room, as dog.sol accepts).
    Bark b = Liquidations2Math.bark(u(100), u(110_000), BIG, u(113_000), DUST, CHOP).orElseThrow();
    assertEquals(new Bark(u(110_000), u(100), u(124_300)), b);
  }

  @Test
  void test_bark_refusesDustyPartialAuction() {
    // room 16,000 >= dust, but due = 16,000 / 1.13 = 14,159.29 < dust 15,000 with 185,840 left:
    // "Dog/dusty-auction-from-partial-liquidation".
    assertEquals(
        Optional.empty(), Liquidations2Math.bark(u(100), u(200_000), BIG, u(16_000), DUST, CHOP));
  }

  @Test
  void test_bark_refusesWhenRoomIsZeroOrBelowDust() {
    assertEquals(Optional.empty(), Liquidations2Math.bark(u(100), u(200_000), BIG, 0, DUST, CHOP));
    // room 10,000 < dust 15,000: "Dog/liquidation-limit-hit".
    assertEquals(
        Optional.empty(), Liquidations2Math.bark(u(100), u(200_000), u(10_000), BIG, DUST, CHOP));
  }

  @Test
  void test_take_partialPurchasePaysSliceTimesPrice() {
    // lot 50, tab 113,000, price 1,800, amt 10: owe 18,000; 95,000 left is above chost.
    long chost = Liquidations2Math.chost(DUST, CHOP);
    assertEquals(u(16_950), chost); // 15,000 * 1.13
    Take t = Liquidations2Math.take(u(50), u(113_000), u(10), 1800, chost).orElseThrow();
    assertEquals(new Take(u(10), u(18_000)), t);
  }

  @Test
  void test_take_oweCappedAtTab() {
    // lot 50 at 2,500 would cost 125,000 > tab 113,000: pay 113,000 for 113,000 / 2,500 = 45.2.
    Take t = Liquidations2Math.take(u(50), u(113_000), u(50), 2500, u(16_950)).orElseThrow();
    assertEquals(new Take(u(45.2), u(113_000)), t);
  }

  @Test
  void test_take_neverLeavesDustyTab() {
    // amt 48.5 at 2,000 = 97,000 would leave 16,000 < chost 16,950: owe = 113,000 - 16,950 =
    // 96,050 for 96,050 / 2,000 = 48.025.
    Take t = Liquidations2Math.take(u(50), u(113_000), u(48.5), 2000, u(16_950)).orElseThrow();
    assertEquals(new Take(u(48.025), u(96_050)), t);
    // amt 48 = 96,000 leaves 17,000 >= chost: unchanged.
    assertEquals(
        new Take(u(48), u(96_000)),
        Liquidations2Math.take(u(50), u(113_000), u(48), 2000, u(16_950)).orElseThrow());
  }

  @Test
  void test_take_refusesPartialPurchaseOfDustyTab() {
    // tab 16,000 <= chost 16,950: a partial purchase (5 of 10 at 2,000) is "no-partial-purchase",
    // while buying all that the tab needs (8 at 2,000 = 16,000) is allowed.
    assertEquals(Optional.empty(), Liquidations2Math.take(u(10), u(16_000), u(5), 2000, u(16_950)));
    assertEquals(
        new Take(u(8), u(16_000)),
        Liquidations2Math.take(u(10), u(16_000), u(8), 2000, u(16_950)).orElseThrow());
  }

  @Test
  void test_take_bidderPaysRoundedUp() {
    // 1 atom at 1,234.5678 is worth 1,234.5678 base atoms: the bidder pays 1,235.
    assertEquals(
        new Take(1, 1235), Liquidations2Math.take(u(1), u(1000), 1, 1234.5678, 0).orElseThrow());
  }

  @Test
  void test_incentive_isTipPlusChipTimesTab() {
    // tip 300 + 0.1% of 113,000 = 413.
    assertEquals(u(413), Liquidations2Math.incentive(u(300), 0.001, u(113_000)));
  }

  @Test
  void test_needsRedo_strictlyPastTailOrBelowCusp() {
    assertFalse(
        Liquidations2Math.needsRedo(8400, 8400, 50, 100, 0.40)); // at tail, at cusp: not yet
    assertTrue(Liquidations2Math.needsRedo(8460, 8400, 50, 100, 0.40));
    assertTrue(Liquidations2Math.needsRedo(60, 8400, 39.99, 100, 0.40));
    // YFI-A: 0.99^n < 0.40 first at n = 92 (ln 0.4 / ln 0.99 = 91.17), i.e. 8,280 s < tail 8,400.
    Abacus a = new Abacus.StairstepExponentialDecrease(90, 0.99);
    assertFalse(Liquidations2Math.needsRedo(8279, 8400, a.price(1, 8279), 1, 0.40));
    assertTrue(Liquidations2Math.needsRedo(8280, 8400, a.price(1, 8280), 1, 0.40));
  }
}
