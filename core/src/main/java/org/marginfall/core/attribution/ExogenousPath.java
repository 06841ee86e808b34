package org.marginfall.core.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleFeed;

/**
 * The run's prices with no endogenous move, step by step: each spot asset's fundamental price with
 * the scheduled shocks, and what each oracle feed of a spot asset would have published reading that
 * path (its own design: latency, TWAP, median, bounds, deviation and heartbeat, scheduled
 * failures). What attribution's <em>whether</em> question re-marks an account at
 * (docs/contagion.md, "Induced or accelerated").
 *
 * <p>Only the steps at which some price differs from the step before are listed ({@link #steps}):
 * re-marking the same prices twice cannot give another answer. Immutable after construction and
 * thread-safe (the arrays are never handed out).
 */
public final class ExogenousPath {

  /** A path with no prices: nothing can be re-marked on it. */
  public static final ExogenousPath NONE = new ExogenousPath(Map.of(), Map.of());

  private final Map<AssetId, double[]> spot;
  private final Map<OracleFeed, double[]> feeds;
  private final int[] steps;

  /**
   * Creates the path.
   *
   * @param spot each spot asset's price by step, from step 0 (the arrays are taken, not copied)
   * @param feeds each oracle feed's published price on that path by step, from step 0
   */
  public ExogenousPath(Map<AssetId, double[]> spot, Map<OracleFeed, double[]> feeds) {
    this.spot = Map.copyOf(spot);
    this.feeds = new IdentityHashMap<>(feeds);
    int n = 0;
    for (double[] p : spot.values()) {
      n = Math.max(n, p.length);
    }
    int[] distinct = new int[n];
    int count = 0;
    List<double[]> all = new ArrayList<>(spot.values());
    all.addAll(feeds.values());
    for (int s = 0; s < n; s++) {
      boolean changed = s == 0;
      for (int i = 0; i < all.size() && !changed; i++) {
        double[] p = all.get(i);
        changed = s < p.length && p[s] != p[s - 1];
      }
      if (changed) {
        distinct[count++] = s;
      }
    }
    this.steps = Arrays.copyOf(distinct, count);
  }

  /** The steps whose prices differ from the step before (step 0 first), ascending. */
  public int stepCount() {
    return steps.length;
  }

  /** The {@code i}-th step of {@link #stepCount()}. */
  public int step(int i) {
    return steps[i];
  }

  /** The exogenous price of spot asset {@code asset} at {@code step}, or NaN if it has none. */
  public double spot(AssetId asset, int step) {
    double[] p = spot.get(asset);
    return p == null ? Double.NaN : p[Math.min(step, p.length - 1)];
  }

  /** What {@code feed} would have published at {@code step} on the exogenous path, or NaN. */
  public double feed(OracleFeed feed, int step) {
    double[] p = feeds.get(feed);
    return p == null ? Double.NaN : p[Math.min(step, p.length - 1)];
  }
}
