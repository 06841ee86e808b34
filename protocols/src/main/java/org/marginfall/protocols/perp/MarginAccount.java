package org.marginfall.protocols.perp;

import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * A view of one margin account of a perpetual venue: its id, where it sits in the ledger and in the
 * venue's account order, and accessors over its row of the {@link PerpAccountBook}'s columns
 * (positions by market, the last margin state, bookkeeping of marks and partial liquidations). The
 * parts that act on one account at a time use it; the passes over every account read the columns by
 * ordinal instead.
 *
 * <p>The view holds no state of its own beyond its coordinates. Mutable through the book; not
 * thread-safe.
 */
final class MarginAccount {
  final AccountId id;

  /** The account's ledger index, so marking reads collateral balances without lookups. */
  final int slot;

  /** The account's place in the venue's account order (the order accounts were opened in). */
  final int ordinal;

  private final PerpAccountBook book;

  /** {@link #partialAt} of an account never partially liquidated. */
  static final long NEVER = Long.MIN_VALUE;

  MarginAccount(AccountId id, int slot, int ordinal, PerpAccountBook book) {
    this.id = id;
    this.slot = slot;
    this.ordinal = ordinal;
    this.book = book;
  }

  /** How many markets the venue has (the length of a row of positions). */
  int markets() {
    return book.markets();
  }

  /**
   * The signed size of the position in market {@code i}; change it through {@link
   * PerpAccountBook#setSize}.
   */
  double size(int i) {
    return book.sizeColumn(i)[ordinal];
  }

  /** The entry price of the position in market {@code i}, 0 without one. */
  double entry(int i) {
    return book.entryColumn(i)[ordinal];
  }

  void setEntry(int i, double price) {
    book.entryColumn(i)[ordinal] = price;
  }

  /** The margin state last stored for the account (by a mark or a re-statement). */
  MarginState state() {
    return book.state(ordinal);
  }

  void setState(MarginState s) {
    book.setState(ordinal, s.equity(), s.initialRequirement(), s.maintenanceRequirement());
  }

  /**
   * The serial of the last mark whose prices {@link #state()} is at, or later (see PerpRiskView).
   */
  long markedSerial() {
    return book.markedSerial[ordinal];
  }

  void setMarkedSerial(long serial) {
    book.markedSerial[ordinal] = serial;
  }

  /**
   * The step of the account's last liquidation that closed part of a position, {@link #NEVER} if
   * none.
   */
  long partialAt() {
    return book.partialAt[ordinal];
  }

  void setPartialAt(long step) {
    book.partialAt[ordinal] = step;
  }

  /**
   * Base-currency atoms the account owes the venue's lending book ({@link PerpBank}); a liability
   * in its equity.
   */
  long borrowed() {
    return book.borrowed[ordinal];
  }

  void setBorrowed(long atoms) {
    book.borrowed[ordinal] = atoms;
  }

  boolean hasPositions() {
    return book.hasPositions(ordinal);
  }
}
