package org.marginfall.agents.depositor;

import org.marginfall.core.event.VenueEvent;

/**
 * A depositor decided to run: from now on it withdraws all its receipts as the reserve's cash
 * allows, and sells what it cannot redeem if it fire-sells.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase)
 * @param venue the lending venue
 * @param depositor the depositor's wallet
 * @param asset the reserve's underlying
 * @param reason {@code utilisation} or {@code value}
 * @param utilisation the reserve's utilisation when it decided
 * @param valueDrop the receipt value's fall since set-up when it decided
 * @param receipts receipt units it held
 */
public record DepositorRun(
    long step,
    int round,
    String venue,
    String depositor,
    String asset,
    String reason,
    double utilisation,
    double valueDrop,
    double receipts)
    implements VenueEvent {

  @Override
  public String type() {
    return "depositor_run";
  }
}
