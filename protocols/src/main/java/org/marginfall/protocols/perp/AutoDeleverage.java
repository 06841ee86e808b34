package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * One auto-deleveraging fill: part of a bankrupt position closed against an opposite position at
 * the bankruptcy price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param rule the ranking rule
 * @param bankrupt the bankrupt account
 * @param counterparty the deleveraged account
 * @param asset the market
 * @param size signed size closed on the bankrupt side
 * @param bankruptcyPrice the price both sides closed at
 * @param markPrice the mark price at the time
 * @param shortfall the part of the loss the insurance fund could not cover, attributed to this fill
 * @param profitTaken what the counterparty gave up relative to closing at the mark: {@code q *
 *     |bankruptcy - mark|}
 * @param overDeleveraging {@code profitTaken - shortfall}
 */
public record AutoDeleverage(
    long step,
    int round,
    String venue,
    String rule,
    String bankrupt,
    String counterparty,
    String asset,
    double size,
    double bankruptcyPrice,
    double markPrice,
    double shortfall,
    double profitTaken,
    double overDeleveraging)
    implements VenueEvent {

  @Override
  public String type() {
    return "auto_deleverage";
  }
}
