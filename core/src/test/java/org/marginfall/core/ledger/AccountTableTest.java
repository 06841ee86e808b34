package org.marginfall.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTableTest {

  @Test
  void test_get_findsTheStoredInstanceAndAnEqualId() {
    AccountTable<String> table = new AccountTable<>();
    AccountId a = AccountId.of("v", "accounts", "a");
    table.put(a, "A");
    assertEquals("A", table.get(a));
    assertEquals("A", table.get(AccountId.of("v", "accounts", "a")));
    assertTrue(table.containsKey(AccountId.of("v", "accounts", "a")));
    assertNull(table.get(AccountId.of("v", "accounts", "b")));
    assertFalse(table.containsKey(AccountId.of("v", "accounts", "b")));
  }

  @Test
  void test_values_keepInsertionOrder() {
    AccountTable<String> table = new AccountTable<>();
    table.put(AccountId.of("c"), "c");
    table.put(AccountId.of("a"), "a");
    table.put(AccountId.of("b"), "b");
    assertEquals(List.of("c", "a", "b"), List.copyOf(table.values()));
    assertEquals(3, table.size());
  }

  @Test
  void test_put_refusesASecondRecord() {
    AccountTable<String> table = new AccountTable<>();
    table.put(AccountId.of("a"), "a");
    assertThrows(IllegalStateException.class, () -> table.put(AccountId.of("a"), "again"));
    assertEquals("a", table.get(AccountId.of("a")));
  }
}
