package org.marginfall.agents.manipulator;

import org.marginfall.core.event.VenueEvent;

/**
 * The manipulator's pump in one tick: what it bought in the thin market and what the venue's oracle
 * showed before the buy.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase)
 * @param venue the lending venue whose oracle it targets
 * @param manipulator its wallet
 * @param asset the pumped asset
 * @param units units bought this tick
 * @param spent base currency paid this tick
 * @param priceBefore the market price before its first buy this tick
 * @param priceAfter the market price after its last buy this tick
 * @param oraclePrice the venue's price of the asset before the buy (its oracle's last value)
 */
public record ManipulatorBuy(
    long step,
    int round,
    String venue,
    String manipulator,
    String asset,
    double units,
    double spent,
    double priceBefore,
    double priceAfter,
    double oraclePrice)
    implements VenueEvent {

  @Override
  public String type() {
    return "manipulator_buy";
  }
}
