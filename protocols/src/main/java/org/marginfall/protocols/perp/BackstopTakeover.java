package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * The backstop vault took over an account's positions and margin at the mark price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param account the account taken over
 * @param notional notional taken over, at the mark
 * @param equity the account's equity at the mark (its collateral value plus uPnL), now the vault's
 * @param maintenance the account's maintenance requirement, not returned to it
 * @param reason {@code below-threshold} or {@code book-shortfall}
 */
public record BackstopTakeover(
    long step,
    int round,
    String venue,
    String account,
    double notional,
    double equity,
    double maintenance,
    String reason)
    implements VenueEvent {

  @Override
  public String type() {
    return "backstop_takeover";
  }
}
