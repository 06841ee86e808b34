package org.marginfall.core.metric;

/**
 * Multiple selection in place: puts each of several wanted ranks' values at its rank, as a sort
 * would, by one recursive partitioning that recurses only into the parts holding a wanted rank
 * (Hoare's FIND generalised to a set of ranks; Kaligosi, Mehlhorn, Munro and Sanders (2005),
 * "Towards optimal multiple selection", ICALP, LNCS 3580, 103–114). Order is {@link
 * Double#compare}, so -0.0 precedes 0.0 and the value at each rank is unique.
 *
 * <p>No state: thread-safe.
 */
final class MultiSelect {

  /** Parts this short are finished by insertion sort, cheaper there than another partition. */
  private static final int SMALL = 24;

  /** Ranges longer than this take their pivot from a sample (Floyd–Rivest). */
  private static final int SAMPLED = 600;

  private MultiSelect() {}

  /**
   * Puts the value of every rank in {@code ranks[rFrom, rTo)} (ascending, distinct, each inside
   * {@code [from, to)}) of {@code a[from, to)} at that rank. NaN values are not allowed.
   */
  static void select(double[] a, int from, int to, int[] ranks, int rFrom, int rTo) {
    while (rFrom < rTo) {
      if (to - from <= SMALL) {
        insertionSort(a, from, to);
        return;
      }
      // The middle wanted rank's value, estimated from a sample, splits the wanted ranks in two.
      double pivot = pivotNear(a, from, to, ranks[(rFrom + rTo - 1) >>> 1]);
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (Double.compare(a[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // Now a[from, j] <= pivot <= a[i, to), and anything between j and i equals the pivot and
      // stands at its rank already.
      int lowRanks = firstAtLeast(ranks, rFrom, rTo, j + 1);
      int highRanks = firstAtLeast(ranks, lowRanks, rTo, i);
      // Recursing into the shorter part and looping on the longer keeps the stack logarithmic.
      if (j + 1 - from < to - i) {
        select(a, from, j + 1, ranks, rFrom, lowRanks);
        from = i;
        rFrom = highRanks;
      } else {
        select(a, i, to, ranks, highRanks, rTo);
        to = j + 1;
        rTo = lowRanks;
      }
    }
  }

  /**
   * A pivot close to rank {@code k} of {@code a[from, to)}, which is in the range: on a long range
   * the value of the matching rank in a contiguous sample of about n^(2/3) around {@code k}, put
   * there by selecting within the sample (Floyd and Rivest (1975), "Algorithm 489: SELECT", CACM
   * 18(3), 173), so that one partition sets aside most of the range; else the median of three.
   */
  private static double pivotNear(double[] a, int from, int to, int k) {
    int n = to - from;
    if (n <= SAMPLED) {
      return medianOfThree(a, from, (from + to - 1) >>> 1, to - 1);
    }
    int i = k - from + 1;
    double z = Math.log(n);
    double s = 0.5 * Math.exp(2 * z / 3);
    double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
    int lo = (int) Math.max(from, Math.floor(k - i * s / n + sd));
    int hi = (int) Math.min(to - 1, Math.floor(k + (n - i) * s / n + sd));
    select(a, lo, hi + 1, new int[] {k}, 0, 1);
    return a[k];
  }

  /**
   * Orders a[lo], a[mid], a[hi] and returns the middle one: a pivot that keeps sorted runs (common
   * in health values in account order) linear, and sentinels that stop the partition's scans.
   */
  private static double medianOfThree(double[] a, int lo, int mid, int hi) {
    if (Double.compare(a[mid], a[lo]) < 0) {
      swap(a, mid, lo);
    }
    if (Double.compare(a[hi], a[lo]) < 0) {
      swap(a, hi, lo);
    }
    if (Double.compare(a[hi], a[mid]) < 0) {
      swap(a, hi, mid);
    }
    return a[mid];
  }

  /** The first index in {@code [from, to)} whose rank is at least {@code rank}, else {@code to}. */
  private static int firstAtLeast(int[] ranks, int from, int to, int rank) {
    int k = from;
    while (k < to && ranks[k] < rank) {
      k++;
    }
    return k;
  }

  private static void insertionSort(double[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= from && Double.compare(a[j], v) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
