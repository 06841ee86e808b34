package org.marginfall.core.event;

/**
 * A shortfall that nothing covered, booked to the venue's bad-debt account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param account the margin account
 * @param amount base currency uncovered
 */
public record BadDebt(long step, int round, String venue, String account, double amount) implements SimEvent {

  @Override
  public String type() {
    return "bad_debt";
  }
}
