package org.marginfall.core.venue;

import org.marginfall.core.ledger.AccountId;

/**
 * A perpetual venue whose margin accounts may also borrow the base currency from a lending book on
 * the same venue, against their margin health including unrealised PnL (Mango Markets v3's
 * cross-margin accounts; docs/venues.md, "Borrowing against margin, unrealised PnL included").
 *
 * <p>Agents borrow through this interface, so the {@code agents} module never depends on a concrete
 * venue. Implementations are mutable run state and not thread-safe.
 */
public interface PnlBorrowingVenue extends PerpetualVenue {

  /**
   * Base currency the venue's lenders put in its book at the start; 0 for a venue without a book.
   */
  double lendable();

  /**
   * Base currency {@code marginAccount} could borrow now: its borrowing room, capped at what the
   * book holds.
   */
  double borrowable(AccountId marginAccount);

  /**
   * Lends {@code atoms} of base currency from the venue's book to {@code to}, as a debt of {@code
   * marginAccount}.
   *
   * @throws IllegalStateException if the loan exceeds {@link #borrowable}
   */
  void borrow(AccountId marginAccount, long atoms, AccountId to);

  /** Base currency {@code marginAccount} owes the venue's book. */
  double borrowed(AccountId marginAccount);
}
