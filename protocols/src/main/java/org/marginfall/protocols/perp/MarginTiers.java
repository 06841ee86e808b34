package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.util.FieldException;

/**
 * Tiered maintenance margin by position notional, with the cumulative deduction that keeps the
 * requirement continuous in size.
 *
 * <pre>
 * MM(n)        = n * mmr(k) - deduction(k)      where k is the highest tier with lowerBound(k) &lt;= n
 * deduction(0) = 0
 * deduction(k) = deduction(k-1) + lowerBound(k) * (mmr(k) - mmr(k-1))
 * </pre>
 *
 * Source: Hyperliquid docs /trading/margin-tiers and Binance USD-M brackets' maintenance amount
 * (FAQ 360033162192; docs/sources.md). Because mmr is non-decreasing, MM(n)/n is non-decreasing in
 * n, so MM((1-f) n) &lt;= (1-f) MM(n): closing part of a position never raises the rate on what
 * remains. Immutable and thread-safe.
 */
public final class MarginTiers {

  private final double[] lower;
  private final double[] rate;
  private final double[] deduction;

  /**
   * Builds the deduction table.
   *
   * @param tiers tiers in increasing lower bound, the first at 0, rates non-decreasing
   */
  public MarginTiers(List<MarginTier> tiers) {
    if (tiers.isEmpty() || tiers.get(0).lowerBound() != 0) {
      throw new IllegalArgumentException("tiers: the first tier must start at notional 0");
    }
    int n = tiers.size();
    lower = new double[n];
    rate = new double[n];
    deduction = new double[n];
    for (int k = 0; k < n; k++) {
      MarginTier t = tiers.get(k);
      lower[k] = t.lowerBound();
      rate[k] = t.maintenanceMargin();
      if (k > 0) {
        try {
          tiers.get(k - 1).checkBoundAfter(lower[k]);
          tiers.get(k - 1).checkRateAfter(rate[k]);
        } catch (FieldException e) {
          throw new FieldException("tiers[" + k + "]." + e.field(), e.reason());
        }
        deduction[k] = deduction[k - 1] + lower[k] * (rate[k] - rate[k - 1]);
      }
    }
  }

  /** The index of the tier that applies to {@code notional}. */
  public int tier(double notional) {
    int k = 0;
    while (k + 1 < lower.length && notional >= lower[k + 1]) {
      k++;
    }
    return k;
  }

  /** The maintenance requirement of a position of absolute notional {@code notional}. */
  public double maintenance(double notional) {
    int k = tier(notional);
    return notional * rate[k] - deduction[k];
  }

  /** The deduction of tier {@code k}. */
  public double deduction(int k) {
    return deduction[k];
  }

  /** The number of tiers. */
  public int size() {
    return rate.length;
  }

  /** The maintenance rate of tier {@code k}. */
  public double rate(int k) {
    return rate[k];
  }
}
