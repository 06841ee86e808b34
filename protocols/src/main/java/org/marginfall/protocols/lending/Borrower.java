package org.marginfall.protocols.lending;

import org.marginfall.core.ledger.AccountId;

/**
 * One borrower account's handle: its id, ledger index and ordinal, the row of its columns in {@link
 * BorrowerBook} (scaled debt) and {@link LendingRiskView} (the last mark). Its scaled debt changes
 * only through {@link BorrowerBook}, which tells the liquidation screen.
 *
 * <p>Immutable.
 */
final class Borrower {
  final AccountId id;

  /** The account's ledger index, so marking reads receipt balances without lookups. */
  final int slot;

  /** Its place in the order accounts were opened: its row in the columns. */
  final int ordinal;

  Borrower(AccountId id, int slot, int ordinal) {
    this.id = id;
    this.slot = slot;
    this.ordinal = ordinal;
  }
}
