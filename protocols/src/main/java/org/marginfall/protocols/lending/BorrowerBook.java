package org.marginfall.protocols.lending;

import java.util.Arrays;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.venue.LiquidationScreen;

/**
 * The lending pool's borrower accounts by id and in the order opened, and every change of a
 * borrower's scaled debt, which keeps the reserve's total true and tells the liquidation screen.
 *
 * <p>The books are columns by borrower ordinal (struct of arrays): each borrower's ledger index,
 * and its scaled debt per reserve in one {@code double[]} row of {@code reserves} entries, so a
 * mark of every borrower walks two arrays instead of chasing an object and an array per borrower.
 * Collateral is the receipts the ledger holds (itself columns by asset), read where it is kept.
 *
 * <p>Mutable and not thread-safe.
 */
final class BorrowerBook {

  private final LendingContext c;
  private final ReserveBook reserves;
  final AccountTable<Borrower> accounts = new AccountTable<>();

  /** Which borrowers a liquidation round must mark again; told of every change of scaled debt. */
  final LiquidationScreen screen = new LiquidationScreen();

  /** The number of reserves: the width of a row of {@link #scaledDebt}. */
  private final int width;

  /** Ledger index by ordinal. */
  private int[] slots = new int[16];

  /** Scaled debt by ordinal and reserve: {@code [ordinal * width + reserve index]}. */
  private double[] scaledDebt;

  /**
   * Each reserve's total scaled debt when the last borrower was opened, restored when it is
   * discarded: adding a debt to the total and subtracting it again need not give the same double.
   */
  private final double[] totalsAtLastOpen;

  /**
   * Whether {@link #totalsAtLastOpen} belong to the borrower opened last (none discarded since).
   */
  private boolean lastOpenKept;

  BorrowerBook(LendingContext c, ReserveBook reserves) {
    this.c = c;
    this.reserves = reserves;
    this.width = reserves.size();
    this.scaledDebt = new double[16 * width];
    this.totalsAtLastOpen = new double[width];
  }

  /** Opens {@code owner}'s account unless it is open; its id either way. */
  AccountId open(AccountId owner) {
    AccountId id = AccountId.of(c.venue(), "accounts").child(owner.value());
    if (!accounts.containsKey(id)) {
      c.ledger().open(id, AccountType.ORDINARY);
      int ordinal = accounts.size();
      if (ordinal == slots.length) {
        slots = Arrays.copyOf(slots, 2 * ordinal);
        scaledDebt = Arrays.copyOf(scaledDebt, 2 * ordinal * width);
      }
      Borrower b = new Borrower(id, c.ledger().indexOf(id), ordinal);
      slots[ordinal] = b.slot;
      accounts.put(id, b);
      for (Reserve r : reserves.reserves) {
        totalsAtLastOpen[r.index] = r.scaledDebt;
      }
      lastOpenKept = true;
    }
    return id;
  }

  /**
   * Closes {@code b}, the borrower opened last, which owes nothing: its row is cleared, the next
   * borrower opened takes its ordinal, and each reserve's total scaled debt is again what it was
   * when {@code b} was opened (nothing but {@code b}'s own debts, since repaid, changed it between:
   * the account is discarded as soon as its set-up is undone).
   *
   * @throws IllegalStateException if it is not the last opened or owes any reserve
   */
  void discard(Borrower b) {
    if (!lastOpenKept) {
      throw new IllegalStateException(b.id + " is not the borrower opened last");
    }
    for (Reserve r : reserves.reserves) {
      if (scaledDebt[cell(b, r)] != 0) {
        throw new IllegalStateException(b.id + " owes " + r.terms.asset());
      }
    }
    accounts.removeLast(b.id);
    for (Reserve r : reserves.reserves) {
      r.scaledDebt = totalsAtLastOpen[r.index];
    }
    lastOpenKept = false;
  }

  /** Books a new loan of {@code units} of {@code r}'s underlying at its current borrow index. */
  void addDebt(Borrower b, Reserve r, double units) {
    double scaled = units / r.borrowIndex;
    scaledDebt[cell(b, r)] += scaled;
    screen.touch(b.ordinal);
    r.scaledDebt += scaled;
  }

  /** Books a repayment of {@code units}; all of the debt when they cover it. */
  void reduceDebt(Borrower b, Reserve r, double units) {
    int cell = cell(b, r);
    double owed = scaledDebt[cell] * r.borrowIndex;
    double scaled = units >= owed ? scaledDebt[cell] : units / r.borrowIndex;
    scaledDebt[cell] -= scaled;
    screen.touch(b.ordinal);
    r.scaledDebt = Math.max(0, r.scaledDebt - scaled);
  }

  /** Clears {@code b}'s debt in {@code r}; returns it in units of the underlying. */
  double clearDebt(Borrower b, Reserve r) {
    double units = scaledDebt[cell(b, r)] * r.borrowIndex;
    scaledDebt[cell(b, r)] = 0;
    screen.touch(b.ordinal);
    // Re-add the accounts rather than subtract: once the last borrower's debt is burned the
    // reserve must hold exactly zero, not the rounding residue of many subtractions.
    double remaining = 0;
    for (int k = 0, n = size(); k < n; k++) {
      remaining += scaledDebt[k * width + r.index];
    }
    r.scaledDebt = remaining;
    return units;
  }

  /** {@code b}'s scaled debt in {@code r}. */
  double scaledDebt(Borrower b, Reserve r) {
    return scaledDebt[cell(b, r)];
  }

  /** The scaled debt of the borrower opened {@code ordinal}-th in reserve {@code reserve}. */
  double scaledDebtAt(int ordinal, int reserve) {
    return scaledDebt[ordinal * width + reserve];
  }

  /** The ledger index of the borrower opened {@code ordinal}-th. */
  int slotAt(int ordinal) {
    return slots[ordinal];
  }

  private int cell(Borrower b, Reserve r) {
    return b.ordinal * width + r.index;
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
