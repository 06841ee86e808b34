package org.marginfall.agents.snapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A snapshot's rows grouped by account, accounts in the order of their first row and each account's
 * rows in file order, as row indices: {@code rows(g)} are the indices of group {@code g}. Made once
 * when the file is read, so that every set-up of its world (the ledger's precision probe, then the
 * run) walks the groups without hashing a million account names again.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountGroups {

  /** Row indices, group after group. */
  private final int[] order;

  /** Where each group starts in {@link #order}; one more entry than there are groups. */
  private final int[] starts;

  private AccountGroups(int[] order, int[] starts) {
    this.order = order;
    this.starts = starts;
  }

  /** Groups {@code rows} by {@code account}. */
  public static <R> AccountGroups of(List<R> rows, Function<R, String> account) {
    int n = rows.size();
    Map<String, Integer> groupOf = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
    int[] group = new int[n];
    int[] size = new int[16];
    for (int i = 0; i < n; i++) {
      Integer g = groupOf.putIfAbsent(account.apply(rows.get(i)), groupOf.size());
      int k = g == null ? groupOf.size() - 1 : g;
      if (k == size.length) {
        size = Arrays.copyOf(size, 2 * k);
      }
      size[k]++;
      group[i] = k;
    }
    int groups = groupOf.size();
    int[] starts = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      starts[g + 1] = starts[g] + size[g];
    }
    int[] next = Arrays.copyOf(starts, groups);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[group[i]]++] = i;
    }
    return new AccountGroups(order, starts);
  }

  /** The number of accounts. */
  public int size() {
    return starts.length - 1;
  }

  /** How many rows account {@code g} has. */
  public int rows(int g) {
    return starts[g + 1] - starts[g];
  }

  /** The index (in file order) of row {@code k} of account {@code g}. */
  public int row(int g, int k) {
    return order[starts[g] + k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountGroups a
        && Arrays.equals(order, a.order)
        && Arrays.equals(starts, a.starts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(order) + Arrays.hashCode(starts);
  }

  @Override
  public String toString() {
    return "AccountGroups[" + size() + " accounts]";
  }
}
