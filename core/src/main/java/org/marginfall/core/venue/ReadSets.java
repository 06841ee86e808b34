package org.marginfall.core.venue;

import java.util.Arrays;

/**
 * The distinct sets of factors a venue's accounts read, each a bit mask over factor indices (bit
 * {@code j} for factor {@code j}), numbered in the order first seen, and each set's drift: the
 * largest relative move of the factors in it. Accounts of a venue read few distinct sets (the
 * reserves a borrower uses, a vault's one collateral type), so {@link LiquidationScreen} computes a
 * drift per set once per scan and compares each account's allowance with its own set's.
 *
 * <p>Mutable and not thread-safe.
 */
final class ReadSets {

  /** Every factor, including any beyond the 64 a mask can name. */
  static final long ALL = -1L;

  /** Open-addressing table from mask to set number: keys, and numbers plus one (0 for empty). */
  private long[] keys = new long[16];

  private int[] numbers = new int[16];
  private long[] masks = new long[4];
  private int count;

  /** Forgets every set. */
  void clear() {
    Arrays.fill(numbers, 0);
    count = 0;
  }

  /** The number of {@code mask}'s set, adding it if new. */
  int numberOf(long mask) {
    int i = slot(mask, keys.length);
    while (numbers[i] != 0) {
      if (keys[i] == mask) {
        return numbers[i] - 1;
      }
      i = (i + 1) & (keys.length - 1);
    }
    if (count == masks.length) {
      masks = Arrays.copyOf(masks, 2 * count);
    }
    masks[count] = mask;
    keys[i] = mask;
    numbers[i] = ++count;
    if (2 * count > keys.length) {
      rehash();
    }
    return count - 1;
  }

  /** How many sets there are. */
  int count() {
    return count;
  }

  /**
   * The drift of set {@code number}: the largest of {@code moves[j]} over its factors; over every
   * factor for {@link #ALL} (or when there are more factors than a mask can name).
   */
  double drift(int number, double[] moves) {
    long mask = masks[number];
    if (mask == ALL || moves.length > Long.SIZE) {
      double d = 0;
      for (double m : moves) {
        d = Math.max(d, m);
      }
      return d;
    }
    double d = 0;
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      int j = Long.numberOfTrailingZeros(rest);
      if (j < moves.length) {
        d = Math.max(d, moves[j]);
      }
    }
    return d;
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldNumbers = numbers;
    keys = new long[2 * oldKeys.length];
    numbers = new int[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldNumbers[i] != 0) {
        int j = slot(oldKeys[i], keys.length);
        while (numbers[j] != 0) {
          j = (j + 1) & (keys.length - 1);
        }
        keys[j] = oldKeys[i];
        numbers[j] = oldNumbers[i];
      }
    }
  }

  private static int slot(long mask, int length) {
    long h = mask * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (length - 1);
  }
}
