package org.marginfall.agents.trader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;

/**
 * The column writer behind {@link TraderBook}: members committed in order keep their account and
 * position ranges, and a rolled-back member (a snapshot trader whose every account was refused)
 * leaves nothing behind.
 */
class TraderColumnsTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");

  private static AccountId id(String name) {
    return AccountId.of("perp", "accounts", name);
  }

  @Test
  void test_rollback_leavesTheNextMemberWhereTheDroppedOneWas() {
    TraderColumns c = new TraderColumns();
    c.begin(null);
    c.account(id("a"));
    c.position(ETH, 1, 2000, 2.5);
    c.position(BTC, -1, 60_000, -0.1);
    assertEquals(0, c.commit(100));

    c.begin(null);
    assertFalse(c.pendingHasAccounts());
    c.account(id("b"));
    c.position(ETH, 1, 2100, 1);
    assertTrue(c.pendingHasAccounts());
    c.rollback();

    c.begin(id("c-reserve"));
    c.account(id("c1"));
    c.account(id("c2"));
    c.position(BTC, 1, 61_000, 0.3);
    assertEquals(1, c.commit(250));

    assertEquals(2, c.members());
    assertEquals(3, c.accounts());
    assertEquals(1, c.accountStart(1));
    assertEquals(3, c.accountStart(2));
    assertEquals(2, c.positionStart(1));
    assertEquals(3, c.positionStart(2));
    assertEquals(id("c1"), c.account(1));
    assertEquals(id("c2"), c.account(2));
    assertNull(c.reserve(0));
    assertEquals(id("c-reserve"), c.reserve(1));
    assertEquals(250, c.peak(1), 0);
    // Member c's position is in its second account, in BTC (market index 1: ETH was seen first).
    assertEquals(2, c.positionAccount(2));
    assertEquals(1, c.positionMarket(2));
    assertEquals(0.3, c.size(2), 0);
    assertEquals(61_000, c.entryMark(2), 0);
  }

  @Test
  void test_growth_keepsEveryMembersRanges() {
    TraderColumns c = new TraderColumns();
    for (int m = 0; m < 100; m++) {
      c.begin(null);
      c.account(id("t" + m));
      c.position(ETH, 1, 2000 + m, m + 1);
      c.commit(m);
    }
    assertEquals(100, c.members());
    for (int m = 0; m < 100; m++) {
      assertEquals(m, c.accountStart(m));
      assertEquals(m, c.positionStart(m));
      assertEquals(id("t" + m), c.account(c.positionAccount(m)));
      assertEquals(2000 + m, c.entryMark(m), 0);
      assertEquals(m + 1, c.size(m), 0);
    }
  }

  @Test
  void test_position_needsAnAccountOfTheMember() {
    TraderColumns c = new TraderColumns();
    c.begin(null);
    c.account(id("a"));
    c.commit(0);
    c.begin(null);
    assertThrows(IllegalStateException.class, () -> c.position(ETH, 1, 2000, 1));
  }
}
