package org.marginfall.core.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue's records by account id, in the order they were added, looked up first by identity.
 *
 * <p>The ids a venue is asked about are nearly always the instances it stored: it handed them out
 * when the account was opened and lists them as liquidation candidates. Finding those by identity
 * skips hashing the id's path and walking a hash chain, which dominated the per-candidate checks of
 * large liquidation rounds; an equal id built elsewhere falls back to the lookup by value.
 *
 * <p>Mutable and not thread-safe.
 *
 * @param <V> the record type
 */
public final class AccountTable<V> {

  private final Map<AccountId, V> byId = new LinkedHashMap<>();
  private final Map<AccountId, V> byInstance = new IdentityHashMap<>();

  /** The records in the order they were added: a pass over every account walks one array. */
  private final List<V> inOrder = new ArrayList<>();

  /** The record of {@code id}, or null. */
  public V get(AccountId id) {
    V v = byInstance.get(id);
    return v != null ? v : byId.get(id);
  }

  /** Whether {@code id} has a record. */
  public boolean containsKey(AccountId id) {
    return get(id) != null;
  }

  /**
   * Adds the record of {@code id}.
   *
   * @throws IllegalStateException if {@code id} already has one
   */
  public void put(AccountId id, V record) {
    if (byId.putIfAbsent(id, record) != null) {
      throw new IllegalStateException("account " + id + " already has a record");
    }
    byInstance.put(id, record);
    inOrder.add(record);
  }

  /**
   * Removes the record of {@code id}, the one added last.
   *
   * @throws IllegalStateException if {@code id}'s record is not the last added
   */
  public void removeLast(AccountId id) {
    V v = get(id);
    if (v == null || inOrder.isEmpty() || inOrder.get(inOrder.size() - 1) != v) {
      throw new IllegalStateException("account " + id + " is not the last one added");
    }
    inOrder.remove(inOrder.size() - 1);
    if (byInstance.remove(id) == null) {
      // An equal id built elsewhere: find the stored instance (a scan, not the usual case).
      byInstance.values().remove(v);
    }
    byId.remove(id);
  }

  /** The records, in the order they were added. */
  public Collection<V> values() {
    return Collections.unmodifiableList(inOrder);
  }

  /** The record added {@code ordinal}-th (from 0). */
  public V at(int ordinal) {
    return inOrder.get(ordinal);
  }

  /** The number of records. */
  public int size() {
    return byId.size();
  }
}
