package org.marginfall.protocols.perp;

/**
 * The size of a partial liquidation, as pure functions.
 *
 * <p>Closing the fraction {@code f} of every position (cross) or of the one position (isolated) at
 * the mark price leaves equity unchanged except for the liquidation fee {@code phi * f * N} on the
 * closed notional, and scales the maintenance requirement to at most {@code (1 - f) * MM} (exactly,
 * with one tier; at most, with tiers, because MM(n)/n is non-decreasing). Health is restored when
 *
 * <pre>
 * E - phi * f * N &gt;= (1 - f) * MM    &lt;=&gt;    f &gt;= (MM - E) / (MM - phi * N)     (MM &gt; phi * N)
 * </pre>
 *
 * and no fraction below 1 restores it when {@code MM <= phi * N} (the fee eats more than the close
 * frees) or when the bound exceeds 1. Source: Binance's "reduce to a lower bracket instead of a
 * full close" (FAQ 360033525271; docs/sources.md); the closed form is this model's, derived above.
 * Hyperliquid's documented fixed 20% rule is {@link #fixedFraction}. Stateless and thread-safe.
 */
public final class PartialLiquidation {

  private PartialLiquidation() {}

  /**
   * The minimal fraction in [0, 1] that restores health.
   *
   * @param equity account equity E at the mark
   * @param maintenance maintenance requirement MM
   * @param notional total position notional N at the mark
   * @param fee liquidation fee rate phi on closed notional
   */
  public static double fraction(double equity, double maintenance, double notional, double fee) {
    if (equity >= maintenance) {
      return 0;
    }
    double freed = maintenance - fee * notional;
    if (!(freed > 0)) {
      return 1;
    }
    return Math.min(1, (maintenance - equity) / freed);
  }

  /**
   * The fraction a liquidation closes: the minimal one capped at the close factor when the account
   * is above the partial threshold, otherwise everything.
   */
  public static double closeFraction(
      LiquidationTerms terms, double equity, double maintenance, double notional, double fee) {
    if (terms.mode() == LiquidationMode.FULL || notional <= terms.partialAboveNotional()) {
      return 1;
    }
    return Math.min(terms.closeFactor(), fraction(equity, maintenance, notional, fee));
  }

  /**
   * The fraction of one position a {@link LiquidationMode#FIXED_PARTIAL} liquidation sends to the
   * book: {@code closeFactor} of a position whose notional exceeds {@code partialAboveNotional},
   * unless the account is cooling down after a partial liquidation; otherwise all of it
   * (Hyperliquid docs, https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations).
   *
   * @param positionNotional the position's notional at the mark
   * @param coolingDown whether a partial liquidation of the account happened within the cooldown
   */
  public static double fixedFraction(
      LiquidationTerms terms, double positionNotional, boolean coolingDown) {
    return coolingDown || positionNotional <= terms.partialAboveNotional()
        ? 1
        : terms.closeFactor();
  }
}
