package org.marginfall.core.event;

/**
 * A venue's insurance fund covered part of an account's shortfall.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param account the margin account
 * @param amount base currency paid
 */
public record InsurancePayout(long step, int round, String venue, String account, double amount)
    implements SimEvent {

  @Override
  public String type() {
    return "insurance_payout";
  }
}
