package org.marginfall.agents.arbitrage;

import org.marginfall.core.event.VenueEvent;

/**
 * What one arbitrageur did about one receipt in one step: receipts bought in the secondary market,
 * redeemed at the issuer, and sold back. Emitted only when something moved or a redemption was
 * refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round always 0 (the arbitrage phase)
 * @param venue the issuing lending venue
 * @param arbitrageur the arbitrageur's account
 * @param asset the receipt
 * @param bought receipt units bought
 * @param spent base currency paid for them
 * @param redeemed receipt units redeemed
 * @param sold receipt units sold (inventory at a premium)
 * @param refused whether the issuer refused a redemption for lack of cash (the arbitrageur stops
 *     buying)
 * @param price the receipt's market price at the end
 * @param nav the receipt's NAV per unit at the end
 */
public record ArbitrageTrade(
    long step,
    int round,
    String venue,
    String arbitrageur,
    String asset,
    double bought,
    double spent,
    double redeemed,
    double sold,
    boolean refused,
    double price,
    double nav)
    implements VenueEvent {

  @Override
  public String type() {
    return "arbitrage";
  }
}
