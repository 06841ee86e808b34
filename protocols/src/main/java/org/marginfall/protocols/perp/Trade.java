package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * A position was opened, increased or reduced on a venue (not by a liquidation).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param account the venue margin account
 * @param asset the market
 * @param size signed size traded in units (positive buys, negative sells)
 * @param price the trade price
 * @param notional absolute notional at the trade price
 * @param realizedPnl profit (negative: loss) realised by the part of the trade that reduced a
 *     position
 */
public record Trade(
    long step,
    int round,
    String venue,
    String account,
    String asset,
    double size,
    double price,
    double notional,
    double realizedPnl)
    implements VenueEvent {

  @Override
  public String type() {
    return "trade";
  }
}
