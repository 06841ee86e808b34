package org.marginfall.agents.trader;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the liquidations a population saw in the last {@code lookback} steps from the cumulative
 * liquidation counters of venue snapshots: fed one cumulative total per step, it returns the total
 * now minus the total {@code lookback} observations ago (or the first observation, while fewer were
 * made). Mutable and not thread-safe.
 */
public final class LiquidationWatch {

  private final int lookback;
  private final Deque<Long> totals = new ArrayDeque<>();

  /** A watch over {@code lookback} steps (>= 1). */
  public LiquidationWatch(int lookback) {
    if (lookback < 1) {
      throw new IllegalArgumentException("lookback: must be >= 1, was " + lookback);
    }
    this.lookback = lookback;
  }

  /** Records this step's cumulative total and returns the liquidations within the lookback. */
  public long observe(long cumulative) {
    totals.addLast(cumulative);
    while (totals.size() > lookback + 1) {
      totals.removeFirst();
    }
    return cumulative - totals.peekFirst();
  }
}
