package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountIdTest {

  @Test
  void test_constructor_acceptsSlashSeparatedIdentifiers() {
    assertEquals("perp-a/traders/0007", new AccountId("perp-a/traders/0007").value());
    assertEquals("market/ETH", new AccountId("market/ETH").value());
    assertEquals("external", new AccountId("external").value());
    assertEquals("A_z-9", new AccountId("A_z-9").value());
  }

  @Test
  void test_constructor_rejectsMalformedPaths() {
    for (String bad : new String[] {"", "/a", "a/", "a//b", "a b", "a.b", "a/b c", "é", "a\\b"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new AccountId(bad), "'" + bad + "'");
      assertTrue(e.getMessage().startsWith("account id: "), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new AccountId(null));
  }

  @Test
  void test_of_joinsSegments() {
    assertEquals(new AccountId("perp-a/traders/0007"), AccountId.of("perp-a", "traders", "0007"));
    assertEquals(new AccountId("solo"), AccountId.of("solo"));
    assertThrows(IllegalArgumentException.class, () -> AccountId.of("a", ""));
    assertThrows(IllegalArgumentException.class, () -> AccountId.of("a", "b/"));
  }

  @Test
  void test_child_appendsOneSegment() {
    AccountId venue = AccountId.of("perp-a");
    assertEquals(new AccountId("perp-a/insurance"), venue.child("insurance"));
    assertThrows(IllegalArgumentException.class, () -> venue.child("bad segment"));
  }

  @Test
  void test_compareTo_ordersByPath() {
    assertTrue(AccountId.of("a", "b").compareTo(AccountId.of("a", "c")) < 0);
    assertTrue(AccountId.of("b").compareTo(AccountId.of("a", "z")) > 0);
    assertEquals(0, AccountId.of("a", "b").compareTo(new AccountId("a/b")));
    assertEquals("a/b", AccountId.of("a", "b").toString());
  }
}
