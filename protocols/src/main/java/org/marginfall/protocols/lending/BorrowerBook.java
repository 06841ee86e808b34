package org.marginfall.protocols.lending;

import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.venue.LiquidationScreen;

/**
 * The lending pool's borrower accounts by id and in the order opened, and every change of a
 * borrower's scaled debt, which keeps the reserve's total true and tells the liquidation screen.
 *
 * <p>Mutable and not thread-safe.
 */
final class BorrowerBook {

  private final LendingContext c;
  private final ReserveBook reserves;
  final AccountTable<Borrower> accounts = new AccountTable<>();
  /** Which borrowers a liquidation round must mark again; told of every change of scaled debt. */
  final LiquidationScreen screen = new LiquidationScreen();

  BorrowerBook(LendingContext c, ReserveBook reserves) {
    this.c = c;
    this.reserves = reserves;
  }

  /** Opens {@code owner}'s account unless it is open; its id either way. */
  AccountId open(AccountId owner) {
    AccountId id = AccountId.of(c.venue(), "accounts").child(owner.value());
    if (!accounts.containsKey(id)) {
      c.ledger().open(id, AccountType.ORDINARY);
      accounts.put(id, new Borrower(id, c.ledger().indexOf(id), accounts.size(), reserves.size()));
    }
    return id;
  }

  /** Books a new loan of {@code units} of {@code r}'s underlying at its current borrow index. */
  void addDebt(Borrower b, Reserve r, double units) {
    double scaled = units / r.borrowIndex;
    b.scaledDebt[r.index] += scaled;
    screen.touch(b.ordinal);
    r.scaledDebt += scaled;
  }

  /** Books a repayment of {@code units}; all of the debt when they cover it. */
  void reduceDebt(Borrower b, Reserve r, double units) {
    double owed = b.scaledDebt[r.index] * r.borrowIndex;
    double scaled = units >= owed ? b.scaledDebt[r.index] : units / r.borrowIndex;
    b.scaledDebt[r.index] -= scaled;
    screen.touch(b.ordinal);
    r.scaledDebt = Math.max(0, r.scaledDebt - scaled);
  }

  /** Clears {@code b}'s debt in {@code r}; returns it in units of the underlying. */
  double clearDebt(Borrower b, Reserve r) {
    double units = b.scaledDebt[r.index] * r.borrowIndex;
    b.scaledDebt[r.index] = 0;
    screen.touch(b.ordinal);
    // Re-add the accounts rather than subtract: once the last borrower's debt is burned the
    // reserve must hold exactly zero, not the rounding residue of many subtractions.
    double remaining = 0;
    for (Borrower other : accounts.values()) {
      remaining += other.scaledDebt[r.index];
    }
    r.scaledDebt = remaining;
    return units;
  }

  int size() {
    return accounts.size();
  }

  /** The borrower, or null if there is none by that id. */
  Borrower find(AccountId id) {
    return accounts.get(id);
  }

  Borrower borrower(AccountId id) {
    Borrower b = accounts.get(id);
    if (b == null) {
      throw new IllegalArgumentException(c.spec().id() + " has no account " + id);
    }
    return b;
  }
}
