package org.marginfall.core.metric;

/**
 * The distribution of account health on one venue at the end of a tick: how many accounts carry
 * risk and the 5th, 25th, 50th, 75th and 95th percentiles of their health ({@link Quantiles#type7},
 * Hyndman–Fan type 7). Health is the venue's own ratio of margin to requirement (equity over
 * maintenance requirement on a perpetual venue, the health factor on a lending venue, collateral
 * value over {@code debt × mat} on a CDP venue), so 1 is the liquidation threshold on every venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count accounts with a finite health (accounts that carry risk)
 * @param p05 5th percentile, NaN when {@code count} is 0
 * @param p25 25th percentile, NaN when {@code count} is 0
 * @param p50 median, NaN when {@code count} is 0
 * @param p75 75th percentile, NaN when {@code count} is 0
 * @param p95 95th percentile, NaN when {@code count} is 0
 */
public record HealthBands(int count, double p05, double p25, double p50, double p75, double p95) {

  /** No account carries risk. */
  public static final HealthBands NONE =
      new HealthBands(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The probabilities of the five quantiles, in component order. */
  public static final double[] PROBABILITIES = {0.05, 0.25, 0.50, 0.75, 0.95};

  /**
   * Checks that the count is not negative and that quantiles are numbers exactly when it is
   * positive.
   */
  public HealthBands {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    for (double q : new double[] {p05, p25, p50, p75, p95}) {
      if (Double.isNaN(q) != (count == 0)) {
        throw new IllegalArgumentException(
            "quantiles must be NaN exactly when count is 0; count " + count + ", quantile " + q);
      }
    }
  }

  /**
   * The bands of a venue's health values; values that are not finite (accounts without risk) are
   * left out.
   *
   * @param health the venue's {@code healthValues()}, not modified
   */
  public static HealthBands of(double[] health) {
    return ofReordering(health.clone());
  }

  /**
   * {@link #of} without its copy, for an array the caller no longer needs (the new array {@code
   * Venue.healthValues()} returns): its finite values are moved to its front in place and reordered
   * there.
   *
   * @param health health values, overwritten
   */
  public static HealthBands ofReordering(double[] health) {
    return ofReordering(health, health.length);
  }

  /**
   * {@link #ofReordering(double[])} of the first {@code count} values of {@code health} (a buffer
   * the caller reuses, {@code Venue.healthValues(double[])}); the rest of it is not read.
   *
   * @param health health values in {@code [0, count)}, overwritten there
   * @param count how many values {@code health} holds
   */
  public static HealthBands ofReordering(double[] health, int count) {
    int n = 0;
    for (int k = 0; k < count; k++) {
      double h = health[k];
      if (Double.isFinite(h)) {
        health[n++] = h;
      }
    }
    if (n == 0) {
      return NONE;
    }
    // Exact quantiles by one multiple selection: linear in the accounts, where a sort was not.
    double[] q = Quantiles.selectType7(health, n, PROBABILITIES);
    return new HealthBands(n, q[0], q[1], q[2], q[3], q[4]);
  }

  /** The five quantiles in component order (p05 … p95). */
  public double[] quantiles() {
    return new double[] {p05, p25, p50, p75, p95};
  }
}
