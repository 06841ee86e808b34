package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * A round's order is the sort's order: reused only for the same vaults with bit-identical healths,
 * sorted afresh (lowest health first, ties by account) as soon as one health or one vault differs.
 */
class RoundOrderTest {

  private static final Vault A = new Vault(AccountId.of("a"), null, 0, 0, 0);
  private static final Vault B = new Vault(AccountId.of("b"), null, 1, 0, 1);
  private static final Vault C = new Vault(AccountId.of("c"), null, 2, 0, 2);

  /** A state of health {@code equity / 100}. */
  private static MarginState health(double equity) {
    return new MarginState(equity, 100, 100);
  }

  @Test
  void test_order_reusedOnlyWhileVaultsAndHealthsStay() {
    RoundOrder order = new RoundOrder();
    List<Vault> vaults = List.of(A, B, C);
    // Healths 0.9, 0.5, 0.9: b first, then a and c tied at 0.9 by account.
    Integer[] first = order.of(vaults, List.of(health(90), health(50), health(90)));
    assertArrayEquals(new Integer[] {1, 0, 2}, first);
    assertSame(first, order.of(vaults, List.of(health(90), health(50), health(90))));

    // b partly liquidated to health 0.95: now last.
    Integer[] moved = order.of(vaults, List.of(health(90), health(95), health(90)));
    assertNotSame(first, moved);
    assertArrayEquals(new Integer[] {0, 2, 1}, moved);

    // c gone from the list: a (0.9) before b (0.95).
    Integer[] shorter = order.of(List.of(A, B), List.of(health(90), health(95)));
    assertArrayEquals(new Integer[] {0, 1}, shorter);
    // Same healths, c in a's place: sorted again, not the kept order reused.
    Integer[] other = order.of(List.of(C, B), List.of(health(90), health(95)));
    assertNotSame(shorter, other);
    assertArrayEquals(new Integer[] {0, 1}, other);
  }
}
