package org.marginfall.agents.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rows grouped by account: accounts in the order of their first row, rows in file order. */
class AccountGroupsTest {

  private static List<List<Integer>> groups(List<String> accounts) {
    AccountGroups g = AccountGroups.of(accounts, Function.identity());
    List<List<Integer>> out = new ArrayList<>();
    for (int a = 0; a < g.size(); a++) {
      List<Integer> rows = new ArrayList<>();
      for (int k = 0; k < g.rows(a); k++) {
        rows.add(g.row(a, k));
      }
      out.add(rows);
    }
    return out;
  }

  @Test
  void test_interleavedAccounts_groupedInFirstRowOrder() {
    assertEquals(
        List.of(List.of(0, 3, 5), List.of(1), List.of(2, 4)),
        groups(List.of("bob", "alice", "carol", "bob", "carol", "bob")));
  }

  @Test
  void test_emptyAndManyAccounts() {
    assertEquals(List.of(), groups(List.of()));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add("a" + (i % 37));
    }
    List<List<Integer>> g = groups(many);
    assertEquals(37, g.size());
    assertEquals(List.of(36, 73), g.get(36));
    assertEquals(List.of(0, 37, 74), g.get(0));
  }
}
