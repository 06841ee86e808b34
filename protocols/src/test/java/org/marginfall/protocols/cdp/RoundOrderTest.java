package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * A round's order is the full sort's order (lowest health first, ties by account), whether the
 * round's vaults are kept from the last round, changed, new or gone: the kept ones are merged with
 * the changed ones, never re-sorted, and the result must equal {@link
 * LiquidationCandidate#mostUnderwaterFirst} on the same vaults exactly.
 */
class RoundOrderTest {

  private static final AccountId A = AccountId.of("a");
  private static final AccountId B = AccountId.of("b");
  private static final AccountId C = AccountId.of("c");

  /** The first {@code n} entries of {@code order}. */
  private static int[] first(int[] order, int n) {
    return Arrays.copyOf(order, n);
  }

  @Test
  void test_order_handComputedRounds() {
    RoundOrder order = new RoundOrder();
    // Vault ordinals 0, 1, 2 (a, b, c) with healths 0.9, 0.5, 0.9: b first, then a and c tied at
    // 0.9 by account.
    int[] ordinals = {0, 1, 2};
    AccountId[] ids = {A, B, C};
    assertArrayEquals(
        new int[] {1, 0, 2}, first(order.of(3, ordinals, new double[] {0.9, 0.5, 0.9}, ids), 3));
    // Nothing changed: the kept order again.
    assertArrayEquals(
        new int[] {1, 0, 2}, first(order.of(3, ordinals, new double[] {0.9, 0.5, 0.9}, ids), 3));
    // b partly liquidated to health 0.95: merged in after a and c, which keep their order.
    assertArrayEquals(
        new int[] {0, 2, 1}, first(order.of(3, ordinals, new double[] {0.9, 0.95, 0.9}, ids), 3));
    // c gone from the list: a (0.9) before b (0.95).
    assertArrayEquals(
        new int[] {0, 1},
        first(order.of(2, new int[] {0, 1}, new double[] {0.9, 0.95}, new AccountId[] {A, B}), 2));
    // c back in a's place with a's health, a gone: c (0.9) before b (0.95).
    assertArrayEquals(
        new int[] {0, 1},
        first(order.of(2, new int[] {2, 1}, new double[] {0.9, 0.95}, new AccountId[] {C, B}), 2));
    // a back with the health c keeps: the tie at 0.9 goes to a, a changed vault merged before a
    // kept one.
    assertArrayEquals(
        new int[] {2, 0, 1},
        first(
            order.of(
                3, new int[] {2, 1, 0}, new double[] {0.9, 0.95, 0.9}, new AccountId[] {C, B, A}),
            3));
    // An empty round, then the first three again: sorted afresh.
    assertArrayEquals(
        new int[] {}, first(order.of(0, new int[0], new double[0], new AccountId[0]), 0));
    assertArrayEquals(
        new int[] {1, 0, 2}, first(order.of(3, ordinals, new double[] {0.9, 0.5, 0.9}, ids), 3));
  }

  /**
   * Many rounds over 200 vaults whose healths take few distinct values (so ties are common), each
   * round listing a random subset, a few healths changed: every round equals the full sort.
   */
  @Test
  void test_order_equalsFullSortOverRandomRounds() {
    SplittableRandom random = new SplittableRandom(16);
    int vaults = 200;
    AccountId[] idOf = new AccountId[vaults];
    double[] healthOf = new double[vaults];
    for (int k = 0; k < vaults; k++) {
      // Ids not in ordinal order, so the tie-break is not the ordinal's.
      idOf[k] = AccountId.of("cdp/vaults/" + Integer.toString((k * 37) % vaults, 7));
      healthOf[k] = level(random);
    }
    RoundOrder order = new RoundOrder();
    for (int round = 0; round < 300; round++) {
      for (int k = 0; k < vaults; k++) {
        if (random.nextInt(10) == 0) {
          healthOf[k] = level(random);
        }
      }
      int density = 1 + random.nextInt(10);
      int[] ordinals = new int[vaults];
      int n = 0;
      for (int k = 0; k < vaults; k++) {
        if (random.nextInt(10) < density) {
          ordinals[n++] = k;
        }
      }
      double[] health = new double[n];
      AccountId[] ids = new AccountId[n];
      for (int i = 0; i < n; i++) {
        health[i] = healthOf[ordinals[i]];
        ids[i] = idOf[ordinals[i]];
      }
      int[] expected =
          Arrays.stream(LiquidationCandidate.mostUnderwaterFirst(health, ids))
              .mapToInt(Integer::intValue)
              .toArray();
      assertArrayEquals(expected, first(order.of(n, ordinals, health, ids), n), "round " + round);
    }
  }

  /** A health among eight levels below 1, or +0.0 and -0.0, which the order tells apart. */
  private static double level(SplittableRandom random) {
    int i = random.nextInt(10);
    return i == 8 ? 0.0 : i == 9 ? -0.0 : 0.5 + i / 16.0;
  }
}
