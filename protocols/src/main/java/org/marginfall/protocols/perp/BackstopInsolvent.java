package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * The backstop vault's equity fell to zero or below: its shares are worth nothing (NAV 0) and it
 * takes over no account until its equity is positive again. Emitted once per fall, at the
 * settlement of the tick it happened in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: settlement)
 * @param venue the venue
 * @param equity the vault's equity at the mark (collateral at the oracle plus uPnL), in base
 *     currency
 * @param shares the shares outstanding, now worth nothing
 */
public record BackstopInsolvent(long step, int round, String venue, double equity, double shares)
    implements VenueEvent {

  @Override
  public String type() {
    return "backstop_insolvent";
  }
}
