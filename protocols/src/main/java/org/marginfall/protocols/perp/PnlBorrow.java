package org.marginfall.protocols.perp;

import org.marginfall.core.event.VenueEvent;

/**
 * A margin account borrowed base currency from its perpetual venue's lending book against its
 * margin health (see {@link BorrowTerms}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0 outside the risk phase)
 * @param venue the venue
 * @param account the borrowing margin account
 * @param amount base currency lent
 * @param unrealisedPnl the account's unrealised PnL at the mark when it borrowed
 * @param equity the account's equity before the loan (collateral + unrealised PnL − earlier loans)
 * @param initialRequirement its initial margin requirement
 * @param bookLeft base currency left in the lending book after the loan
 */
public record PnlBorrow(
    long step,
    int round,
    String venue,
    String account,
    double amount,
    double unrealisedPnl,
    double equity,
    double initialRequirement,
    double bookLeft)
    implements VenueEvent {

  @Override
  public String type() {
    return "pnl_borrow";
  }
}
