package org.marginfall.agents.depositor;

import org.marginfall.core.event.VenueEvent;

/**
 * What a running depositor got out in one trading phase: receipts redeemed at the reserve, and
 * receipts sold into the secondary market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase)
 * @param venue the lending venue
 * @param depositor the depositor's wallet
 * @param asset the reserve's underlying
 * @param redeemed receipt units redeemed
 * @param paid underlying units the reserve paid for them
 * @param sold receipt units sold into the secondary market
 * @param proceeds base currency the sale fetched
 * @param left receipt units still held
 */
public record DepositorExit(
    long step,
    int round,
    String venue,
    String depositor,
    String asset,
    double redeemed,
    double paid,
    double sold,
    double proceeds,
    double left)
    implements VenueEvent {

  @Override
  public String type() {
    return "depositor_exit";
  }
}
