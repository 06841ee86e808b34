package org.marginfall.core.metric;

/**
 * Tracks a price series' first, last and lowest values and its maximum drawdown, {@code max_t (1 -
 * P_t / max_{s<=t} P_s)}.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Drawdown {

  private double first = Double.NaN;
  private double last = Double.NaN;
  private double min = Double.POSITIVE_INFINITY;
  private double peak = Double.NEGATIVE_INFINITY;
  private double maxDrawdown;

  /** Adds the next observation. */
  public void add(double price) {
    if (Double.isNaN(first)) {
      first = price;
    }
    last = price;
    min = Math.min(min, price);
    peak = Math.max(peak, price);
    maxDrawdown = Math.max(maxDrawdown, 1 - price / peak);
  }

  /** The first observation. */
  public double first() {
    return first;
  }

  /** The last observation. */
  public double last() {
    return last;
  }

  /** The lowest observation. */
  public double min() {
    return min;
  }

  /** The maximum drawdown so far, in [0, 1). */
  public double maxDrawdown() {
    return maxDrawdown;
  }
}
