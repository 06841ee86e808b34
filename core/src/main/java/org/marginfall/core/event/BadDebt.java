package org.marginfall.core.event;

import org.marginfall.core.contagion.Cause;

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
 * @param cause why it happened (docs/contagion.md, "Attribution: cause and generation"), filled in
 *     by the engine
 */
public record BadDebt(
    long step, int round, String venue, String account, double amount, Cause cause)
    implements SimEvent, Attributable {

  /** The event as a venue emits it, before the engine attributes its cause. */
  public BadDebt(long step, int round, String venue, String account, double amount) {
    this(step, round, venue, account, amount, null);
  }

  @Override
  public String attributedAccount() {
    return account;
  }

  @Override
  public double attributedValue() {
    return amount;
  }

  @Override
  public boolean badDebtEvent() {
    return true;
  }

  @Override
  public BadDebt withCause(Cause cause) {
    return new BadDebt(step, round, venue, account, amount, cause);
  }

  @Override
  public String type() {
    return "bad_debt";
  }
}
