package org.marginfall.protocols.lending;

import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * One borrower account: scaled debt per reserve, and its state at the last mark. Its scaled debt
 * changes only through {@link BorrowerBook}, which tells the liquidation screen.
 *
 * <p>Mutable and not thread-safe.
 */
final class Borrower {
  final AccountId id;
  /** The account's ledger index, so marking reads receipt balances without lookups. */
  final int slot;
  /** Its place in the order accounts were opened. */
  final int ordinal;
  final double[] scaledDebt;
  MarginState state = new MarginState(0, 0, 0);

  Borrower(AccountId id, int slot, int ordinal, int reserves) {
    this.id = id;
    this.slot = slot;
    this.ordinal = ordinal;
    this.scaledDebt = new double[reserves];
  }
}
