package org.marginfall.core.contagion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.market.Markets;

/**
 * The price components of a run's assets at one components version, flattened for attribution:
 * per asset with any, parallel arrays of each component's generation, venue (an index into the
 * table's {@link SourceSet}), kind ordinal and log move, in {@link Component} order. Built once per
 * version and read by every attribution until the next trade, loss or decay (dozens of them).
 *
 * <p>The price factors of the re-marks every attribution makes (keeping nothing, keeping the
 * generations up to some k) depend on the table alone, so they are kept once computed. Not
 * thread-safe for that reason.
 */
public final class ComponentTable {

  private final Map<AssetId, Integer> index;
  private final int[][] generation;
  private final int[][] venue;
  private final int[][] kind;
  private final double[][] value;
  private final SourceSet sources;
  /** Factors by row for keeping generations up to k, at index k + 1 (k = -1: nothing); filled as asked. */
  private final double[][] upTo;

  private ComponentTable(
      Map<AssetId, Integer> index, int[][] generation, int[][] venue, int[][] kind, double[][] value,
      SourceSet sources) {
    this.index = index;
    this.generation = generation;
    this.venue = venue;
    this.kind = kind;
    this.value = value;
    this.sources = sources;
    int last = -1;
    for (int[] row : generation) {
      for (int g : row) {
        last = Math.max(last, g);
      }
    }
    this.upTo = new double[last + 2][];
  }

  /** The components of {@code assets} in {@code markets} now. */
  public static ComponentTable of(Markets markets, List<AssetId> assets) {
    Map<AssetId, Integer> index = new HashMap<>();
    PriceParts[] parts = new PriceParts[assets.size()];
    int n = 0;
    for (AssetId a : assets) {
      PriceParts p = markets.parts(a);
      if (p.size() > 0 && !index.containsKey(a)) {
        index.put(a, n);
        parts[n++] = p;
      }
    }
    int[][] generation = new int[n][];
    int[][] venue = new int[n][];
    int[][] kind = new int[n][];
    double[][] value = new double[n][];
    SourceSet.Builder sources = new SourceSet.Builder();
    for (int i = 0; i < n; i++) {
      PriceParts p = parts[i];
      generation[i] = new int[p.size()];
      venue[i] = new int[p.size()];
      kind[i] = new int[p.size()];
      value[i] = new double[p.size()];
      for (int j = 0; j < p.size(); j++) {
        Source s = p.source(j);
        generation[i][j] = s.generation();
        venue[i][j] = sources.add(s.venue(), s.generation());
        kind[i][j] = p.kind(j).ordinal();
        value[i][j] = p.value(j);
      }
    }
    // Venues were numbered as first met; renumber them in id order, as the source set lists them.
    int[] order = new int[sources.venueCount()];
    SourceSet set = sources.build(order);
    for (int[] row : venue) {
      for (int j = 0; j < row.length; j++) {
        row[j] = order[row[j]];
      }
    }
    return new ComponentTable(index, generation, venue, kind, value, set);
  }

  /** The sources of the components. */
  SourceSet sources() {
    return sources;
  }

  /** The number of assets with components. */
  int assetCount() {
    return value.length;
  }

  /** The row of {@code asset}, or -1 if it has no components. */
  int row(AssetId asset) {
    Integer i = index.get(asset);
    return i == null ? -1 : i;
  }

  /**
   * The price factor of each row for a re-mark keeping what {@code keep} keeps: {@code e^-r} for
   * the total log move {@code r} removed, 1 if none. {@code venue} is {@code keep}'s venue as an
   * index into {@link #sources}; {@code scratch} receives the factors unless they are kept here.
   */
  double[] factors(Keep keep, int venue, double[] scratch) {
    if (venue != Keep.ANY || keep.kind() != Keep.ANY) {
      return fill(scratch, keep, venue);
    }
    // Generations past the last keep every component: the same factors as the last.
    int at = Math.min(keep.maxGeneration() + 1, upTo.length - 1);
    if (upTo[at] == null) {
      upTo[at] = fill(new double[value.length], keep, venue);
    }
    return upTo[at];
  }

  private double[] fill(double[] f, Keep keep, int venue) {
    for (int i = 0; i < value.length; i++) {
      double r = removed(i, keep, venue);
      f[i] = r == 0 ? 1.0 : StrictMath.exp(-r);
    }
    return f;
  }

  /**
   * The total log move of row {@code i}'s components that {@code keep} does not keep, added in
   * component order.
   */
  private double removed(int i, Keep keep, int venue) {
    int[] g = generation[i];
    int[] v = this.venue[i];
    int[] k = kind[i];
    double[] x = value[i];
    double removed = 0;
    for (int j = 0; j < x.length; j++) {
      boolean kept =
          g[j] <= keep.maxGeneration()
              && (venue == Keep.ANY || v[j] == venue)
              && (keep.kind() == Keep.ANY || k[j] == keep.kind());
      if (!kept) {
        removed += x[j];
      }
    }
    return removed;
  }
}
