package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * One market's funding settlement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round always 0 (settlement phase)
 * @param venue the venue
 * @param asset the market
 * @param rate the funding rate (positive: longs pay shorts)
 * @param averagePremium the average premium index over the interval
 * @param paid base currency payers paid in
 * @param received base currency receivers were paid
 * @param deferred funding payers could not pay in base currency, carried in their entry price
 * @param houseNet what the house received net ({@code paid - received}); negative when it paid
 */
public record FundingSettlement(
    long step,
    int round,
    String venue,
    String asset,
    double rate,
    double averagePremium,
    double paid,
    double received,
    double deferred,
    double houseNet)
    implements VenueEvent {

  @Override
  public String type() {
    return "funding";
  }
}
