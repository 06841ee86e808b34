package org.marginfall.protocols.perp;

import java.util.Objects;

/**
 * How much of a liquidatable account a liquidation closes.
 *
 * <p>Under {@link LiquidationMode#PARTIAL}, an account whose total position notional exceeds {@code
 * partialAboveNotional} is closed by the fraction of {@link PartialLiquidation#fraction}, at most
 * {@code closeFactor}; a smaller account is closed in full (Hyperliquid docs /trading/liquidations:
 * 20% for positions above $100k; docs/sources.md). Immutable and thread-safe.
 *
 * @param mode full or partial
 * @param closeFactor the most one liquidation may close, in (0, 1]
 * @param partialAboveNotional total notional above which liquidations are partial
 */
public record LiquidationTerms(LiquidationMode mode, double closeFactor, double partialAboveNotional) {

  /** Full liquidation, the venue's original behaviour. */
  public static final LiquidationTerms FULL = new LiquidationTerms(LiquidationMode.FULL, 1, 0);

  /** Validates the fields. */
  public LiquidationTerms {
    Objects.requireNonNull(mode, "mode");
    if (!(closeFactor > 0 && closeFactor <= 1)) {
      throw new IllegalArgumentException("closeFactor: must be in (0, 1], was " + closeFactor);
    }
    if (!(partialAboveNotional >= 0 && Double.isFinite(partialAboveNotional))) {
      throw new IllegalArgumentException("partialAboveNotional: must be >= 0, was " + partialAboveNotional);
    }
  }
}
