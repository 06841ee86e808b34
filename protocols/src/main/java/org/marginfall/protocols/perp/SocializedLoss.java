package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * A winning account's share of a loss nothing else could absorb, taken from its unrealised profit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param bankrupt the account whose loss is shared
 * @param winner the account that bears this share
 * @param amount base currency taken from the winner's unrealised profit
 */
public record SocializedLoss(
    long step, int round, String venue, String bankrupt, String winner, double amount)
    implements VenueEvent {

  @Override
  public String type() {
    return "socialized_loss";
  }
}
