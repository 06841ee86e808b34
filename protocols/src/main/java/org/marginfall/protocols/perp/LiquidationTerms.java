package org.marginfall.protocols.perp;

import java.util.Objects;

/**
 * How much of a liquidatable account a liquidation closes.
 *
 * <p>Under {@link LiquidationMode#PARTIAL}, an account whose total position notional exceeds {@code
 * partialAboveNotional} is closed by the fraction of {@link PartialLiquidation#fraction}, at most
 * {@code closeFactor}; a smaller account is closed in full. Under {@link
 * LiquidationMode#FIXED_PARTIAL}, each position whose notional exceeds {@code partialAboveNotional}
 * has exactly {@code closeFactor} of it closed and smaller positions are closed in full; for {@code
 * cooldownSteps} steps after a liquidation that closed part of a position, the account is closed in
 * full (Hyperliquid docs, https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations: 20%
 * of positions above 100k USDC, then a 30 s cooldown during which liquidation orders are for the
 * entire position). Immutable and thread-safe.
 *
 * @param mode full, partial or fixed-partial
 * @param closeFactor the most one liquidation may close (partial), or what it closes of a large
 *     position (fixed-partial), in (0, 1]
 * @param partialAboveNotional total notional (partial) or position notional (fixed-partial) above
 *     which liquidations are partial
 * @param cooldownSteps fixed-partial: steps after a partial liquidation during which liquidations
 *     are in full (0: none); 0 for the other modes
 */
public record LiquidationTerms(
    LiquidationMode mode, double closeFactor, double partialAboveNotional, long cooldownSteps) {

  /** Full liquidation, the venue's original behaviour. */
  public static final LiquidationTerms FULL = new LiquidationTerms(LiquidationMode.FULL, 1, 0);

  /** Terms without a cooldown. */
  public LiquidationTerms(LiquidationMode mode, double closeFactor, double partialAboveNotional) {
    this(mode, closeFactor, partialAboveNotional, 0);
  }

  /** Validates the fields. */
  public LiquidationTerms {
    Objects.requireNonNull(mode, "mode");
    if (!(closeFactor > 0 && closeFactor <= 1)) {
      throw new IllegalArgumentException("closeFactor: must be in (0, 1], was " + closeFactor);
    }
    if (!(partialAboveNotional >= 0 && Double.isFinite(partialAboveNotional))) {
      throw new IllegalArgumentException(
          "partialAboveNotional: must be >= 0, was " + partialAboveNotional);
    }
    if (cooldownSteps < 0 || (cooldownSteps > 0 && mode != LiquidationMode.FIXED_PARTIAL)) {
      throw new IllegalArgumentException(
          "cooldownSeconds: applies only to mode fixed-partial, must be >= 0");
    }
  }
}
