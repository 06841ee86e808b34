package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * A liquidated account's collateral was sold to its liquidator to cover a base-currency shortfall.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param account the liquidated margin account
 * @param liquidator the buyer
 * @param asset the collateral asset
 * @param units units sold
 * @param price the oracle price used
 * @param value base currency paid
 */
public record CollateralSale(
    long step,
    int round,
    String venue,
    String account,
    String liquidator,
    String asset,
    double units,
    double price,
    double value)
    implements VenueEvent {

  @Override
  public String type() {
    return "collateral_sale";
  }
}
