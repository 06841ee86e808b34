package org.marginfall.protocols.perp;

/**
 * The perpetual venue's running totals of liquidations, which both the book path ({@link
 * BookLiquidation}) and the deleveraging path ({@link DeleveragingPath}) add to and the snapshot
 * reads. It exists so that neither path owns totals the other also writes.
 *
 * <p>Mutable and not thread-safe.
 */
final class LiquidationTotals {
  /** Liquidation events: one per position closed through the book, one per deleveraged account. */
  long liquidations;

  /** Notional closed by liquidations, in base currency. */
  double liquidatedNotional;

  /** Liquidation fees charged, in base-currency atoms. */
  long liquidationFeeAtoms;

  /** Book liquidations that closed less than the whole account. */
  long partialLiquidations;
}
