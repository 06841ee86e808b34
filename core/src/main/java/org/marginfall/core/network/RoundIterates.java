package org.marginfall.core.network;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payment vector at the start and after each clearing round, stored as the first vector plus,
 * per round, only the entries that changed: O(n + changes) memory instead of O(n × rounds). {@link
 * #get} rebuilds a full vector (a fresh array). Immutable and thread-safe.
 */
final class RoundIterates extends AbstractList<double[]> {

  private final double[] first;
  private final List<int[]> changedAt = new ArrayList<>();
  private final List<double[]> changedTo = new ArrayList<>();

  private RoundIterates(double[] first) {
    this.first = first.clone();
  }

  /** Compacts full vectors (each the same length as the first). */
  static RoundIterates of(List<double[]> vectors) {
    if (vectors instanceof RoundIterates r) {
      return r;
    }
    RoundIterates r = new RoundIterates(vectors.isEmpty() ? new double[0] : vectors.get(0));
    for (int k = 1; k < vectors.size(); k++) {
      r.append(vectors.get(k - 1), vectors.get(k));
    }
    return r;
  }

  /**
   * Builder use only, before the instance is shared: records {@code next} as a round after {@code
   * previous}.
   */
  static RoundIterates start(double[] first) {
    return new RoundIterates(first);
  }

  void append(double[] previous, double[] next) {
    if (next.length != first.length) {
      throw new IllegalArgumentException("every iterate must have " + first.length + " entries");
    }
    int count = 0;
    for (int i = 0; i < next.length; i++) {
      if (Double.compare(previous[i], next[i]) != 0) {
        count++;
      }
    }
    int[] at = new int[count];
    double[] to = new double[count];
    int c = 0;
    for (int i = 0; i < next.length; i++) {
      if (Double.compare(previous[i], next[i]) != 0) {
        at[c] = i;
        to[c++] = next[i];
      }
    }
    changedAt.add(at);
    changedTo.add(to);
  }

  @Override
  public double[] get(int round) {
    if (round < 0 || round >= size()) {
      throw new IndexOutOfBoundsException(round);
    }
    double[] v = Arrays.copyOf(first, first.length);
    for (int r = 0; r < round; r++) {
      int[] at = changedAt.get(r);
      double[] to = changedTo.get(r);
      for (int k = 0; k < at.length; k++) {
        v[at[k]] = to[k];
      }
    }
    return v;
  }

  @Override
  public int size() {
    return 1 + changedAt.size();
  }
}
