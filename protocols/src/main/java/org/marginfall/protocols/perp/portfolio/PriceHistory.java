package org.marginfall.protocols.perp.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * A sliding window of the most recent marks of a fixed list of assets, one row per mark step,
 * oldest first.
 *
 * <p>Update rule: once per step, after the venue has read its oracle marks and before it computes
 * any requirement, it replaces its window with {@code history.append(marks)}; when the window is
 * full the oldest row is dropped, so it always holds the last {@code capacity} marks (a VaR model
 * with {@code windowSteps} returns needs {@code windowSteps + 1} marks). Appending copies the
 * window (O(capacity × assets)), which keeps the type immutable; one window is shared by every
 * account of a venue, so this happens once per step, not per account. Immutable and thread-safe.
 */
public final class PriceHistory {

  private final List<AssetId> assets;
  private final int capacity;
  private final double[][] rows;

  private PriceHistory(List<AssetId> assets, int capacity, double[][] rows) {
    this.assets = assets;
    this.capacity = capacity;
    this.rows = rows;
  }

  /**
   * An empty window.
   *
   * @param assets the assets tracked, in a fixed order, each once
   * @param capacity the most marks kept, {@code >= 1}
   */
  public static PriceHistory empty(List<AssetId> assets, int capacity) {
    return of(assets, capacity, List.of());
  }

  /**
   * A window holding the given rows (oldest first), keeping only the last {@code capacity}.
   *
   * @param assets the assets tracked, in a fixed order, each once
   * @param capacity the most marks kept, {@code >= 1}
   * @param rows one price per asset per row, each {@code > 0}
   */
  public static PriceHistory of(List<AssetId> assets, int capacity, List<double[]> rows) {
    List<AssetId> a = List.copyOf(Objects.requireNonNull(assets, "assets"));
    if (new HashSet<>(a).size() != a.size()) {
      throw new IllegalArgumentException("assets: an asset is listed twice in " + a);
    }
    Checks.positive(capacity, "capacity");
    int from = Math.max(0, rows.size() - capacity);
    double[][] kept = new double[rows.size() - from][];
    for (int i = from; i < rows.size(); i++) {
      kept[i - from] = checkedRow(rows.get(i), a.size());
    }
    return new PriceHistory(a, capacity, kept);
  }

  private static double[] checkedRow(double[] row, int width) {
    if (row.length != width) {
      throw new IllegalArgumentException(
          "rows: a row has " + row.length + " prices for " + width + " assets");
    }
    for (double p : row) {
      Checks.positive(p, "price");
    }
    return row.clone();
  }

  /**
   * The window after one more mark step.
   *
   * @param marks the current mark of every tracked asset (other entries are ignored)
   */
  public PriceHistory append(Map<AssetId, Double> marks) {
    double[] row = new double[assets.size()];
    for (int j = 0; j < row.length; j++) {
      Double p = marks.get(assets.get(j));
      if (p == null) {
        throw new IllegalArgumentException("marks: no mark for tracked asset " + assets.get(j));
      }
      row[j] = p;
    }
    row = checkedRow(row, row.length);
    int keep = Math.min(rows.length, capacity - 1);
    double[][] next = new double[keep + 1][];
    // Rows are never mutated after construction, so the new window may share them.
    System.arraycopy(rows, rows.length - keep, next, 0, keep);
    next[keep] = row;
    return new PriceHistory(assets, capacity, next);
  }

  /** The tracked assets, in column order. */
  public List<AssetId> assets() {
    return assets;
  }

  /** The most marks kept. */
  public int capacity() {
    return capacity;
  }

  /** The number of marks held. */
  public int size() {
    return rows.length;
  }

  /** Whether the window tracks {@code asset}. */
  public boolean tracks(AssetId asset) {
    return assets.contains(asset);
  }

  /** The marks of {@code asset}, oldest first. */
  public double[] prices(AssetId asset) {
    int j = column(asset);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][j];
    }
    return out;
  }

  /**
   * The one-step log-returns {@code r_t = ln(P_t / P_(t-1))} of {@code asset}, oldest first: one
   * fewer than {@link #size()}.
   */
  public double[] logReturns(AssetId asset) {
    double[] p = prices(asset);
    double[] r = new double[Math.max(0, p.length - 1)];
    for (int t = 1; t < p.length; t++) {
      r[t - 1] = StrictMath.log(p[t] / p[t - 1]);
    }
    return r;
  }

  private int column(AssetId asset) {
    int j = assets.indexOf(asset);
    if (j < 0) {
      throw new IllegalArgumentException(
          "history: asset " + asset + " is not tracked (tracked: " + assets + ")");
    }
    return j;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceHistory h
        && assets.equals(h.assets)
        && capacity == h.capacity
        && Arrays.deepEquals(rows, h.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(assets, capacity, Arrays.deepHashCode(rows));
  }

  @Override
  public String toString() {
    List<String> last = new ArrayList<>();
    if (rows.length > 0) {
      for (double p : rows[rows.length - 1]) {
        last.add(Double.toString(p));
      }
    }
    return "PriceHistory[assets="
        + assets
        + ", capacity="
        + capacity
        + ", size="
        + rows.length
        + ", last="
        + last
        + "]";
  }
}
