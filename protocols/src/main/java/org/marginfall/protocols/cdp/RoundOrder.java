package org.marginfall.protocols.cdp;

import java.util.Arrays;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * The most-underwater-first order of a liquidation round's unsafe vaults, kept from round to round
 * and updated by a merge: vaults the {@code hole}/{@code dirt} limits hold back stay listed with
 * the same health round after round, while a bark or a price move changes a few.
 *
 * <p>The order is {@link LiquidationCandidate#MOST_UNDERWATER_FIRST}'s: health ascending, ties by
 * account. Accounts are unique, so that order is strict and total and the sorted sequence of a set
 * of (health, account) pairs is unique. The vaults of the last round that are listed again with a
 * bit-identical health keep their pairs, so in the last round's order they are already sorted; the
 * others (new, or with a changed health) are sorted among themselves, and merging the two sorted
 * runs gives exactly the sequence a full sort of this round's vaults gives, tie-break included. The
 * cost is linear in the vaults listed plus a sort of the changed ones.
 *
 * <p>Mutable and not thread-safe.
 */
final class RoundOrder {

  /** The last round's vault ordinals in order, and each one's health bits there, by ordinal. */
  private int[] lastOrder = new int[0];

  private int lastCount;
  private long[] lastHealthBits = new long[0];

  /** This round's index of a vault, by ordinal, valid where {@link #hereRound} is this round. */
  private int[] here = new int[0];

  private int[] hereRound = new int[0];

  /** The round in which a vault was found kept (same health as last round), by ordinal. */
  private int[] keptRound = new int[0];

  private int round;
  private int[] kept = new int[0];
  private int[] order = new int[0];

  /**
   * The indices {@code 0 .. n-1} of this round's unsafe vaults most underwater first.
   *
   * @param n how many vaults the round lists
   * @param ordinals each one's ordinal in the book (distinct), {@code ordinals[i]} for {@code i <
   *     n}
   * @param health each one's health
   * @param ids each one's account id
   * @return a buffer whose first {@code n} entries are the order; valid until the next call
   */
  int[] of(int n, int[] ordinals, double[] health, AccountId[] ids) {
    round++;
    int maxOrdinal = -1;
    for (int i = 0; i < n; i++) {
      maxOrdinal = Math.max(maxOrdinal, ordinals[i]);
    }
    grow(maxOrdinal + 1, n);
    for (int i = 0; i < n; i++) {
      here[ordinals[i]] = i;
      hereRound[ordinals[i]] = round;
    }
    int keptCount = 0;
    for (int j = 0; j < lastCount; j++) {
      int o = lastOrder[j];
      if (o < hereRound.length
          && hereRound[o] == round
          && Double.doubleToRawLongBits(health[here[o]]) == lastHealthBits[o]) {
        kept[keptCount++] = here[o];
        keptRound[o] = round;
      }
    }
    Integer[] changed = new Integer[n - keptCount];
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (keptRound[ordinals[i]] != round) {
        changed[c++] = i;
      }
    }
    Arrays.sort(changed, (a, b) -> compare(a, b, health, ids));
    merge(keptCount, changed, health, ids);
    for (int j = 0; j < n; j++) {
      int o = ordinals[order[j]];
      lastOrder[j] = o;
      lastHealthBits[o] = Double.doubleToRawLongBits(health[order[j]]);
    }
    lastCount = n;
    return order;
  }

  /** Merges the kept run and the sorted changed run into {@link #order}. */
  private void merge(int keptCount, Integer[] changed, double[] health, AccountId[] ids) {
    int a = 0;
    int b = 0;
    int out = 0;
    while (a < keptCount && b < changed.length) {
      order[out++] = compare(kept[a], changed[b], health, ids) <= 0 ? kept[a++] : changed[b++];
    }
    while (a < keptCount) {
      order[out++] = kept[a++];
    }
    while (b < changed.length) {
      order[out++] = changed[b++];
    }
  }

  /**
   * {@link LiquidationCandidate#mostUnderwaterFirst}'s comparison of indices {@code a} and {@code
   * b}.
   */
  private static int compare(int a, int b, double[] health, AccountId[] ids) {
    int c = Double.compare(health[a], health[b]);
    return c != 0 ? c : ids[a].compareTo(ids[b]);
  }

  private void grow(int ordinals, int n) {
    if (ordinals > here.length) {
      int size = Math.max(ordinals, 2 * here.length);
      here = Arrays.copyOf(here, size);
      hereRound = Arrays.copyOf(hereRound, size);
      keptRound = Arrays.copyOf(keptRound, size);
      lastHealthBits = Arrays.copyOf(lastHealthBits, size);
    }
    if (n > order.length) {
      int size = Math.max(n, 2 * order.length);
      kept = Arrays.copyOf(kept, size);
      order = Arrays.copyOf(order, size);
      lastOrder = Arrays.copyOf(lastOrder, size);
    }
  }
}
