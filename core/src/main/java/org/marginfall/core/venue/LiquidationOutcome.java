package org.marginfall.core.venue;

import java.util.List;
import org.marginfall.core.ledger.AccountId;

/**
 * What one liquidation did, as its liquidator needs to know it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue
 * @param account the liquidated margin account
 * @param closedNotional notional closed, at execution prices
 * @param feeToLiquidator base currency the liquidator earned
 * @param acquired collateral the liquidator bought and now holds
 * @param baseSpent base currency the liquidator paid for it
 */
public record LiquidationOutcome(
    VenueId venue,
    AccountId account,
    double closedNotional,
    double feeToLiquidator,
    List<Holding> acquired,
    double baseSpent) {

  /** Copies the list. */
  public LiquidationOutcome {
    acquired = List.copyOf(acquired);
  }
}
