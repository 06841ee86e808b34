package org.marginfall.protocols.lending;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * What lenders and borrowers of the lending pool do themselves: supply and redeem, deposit
 * collateral, borrow, repay and withdraw collateral, each checked as Aave's ValidationLogic checks
 * it, and why the pool refuses.
 *
 * <p>Mutable and not thread-safe.
 */
final class LendingDesk {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final LendingRiskView risk;

  LendingDesk(LendingContext c, ReserveBook book, BorrowerBook borrowers, LendingRiskView risk) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
    this.risk = risk;
  }

  long supply(AccountId from, AssetId asset, long atoms) {
    return book.mintFor(from, from, book.reserve(asset), atoms);
  }

  long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    Reserve r = book.reserve(asset);
    LendingContext.positive(receiptAtoms, "receiptAtoms");
    if (c.ledger().balance(holder, r.terms.receipt()) < receiptAtoms) {
      throw new IllegalStateException(
          holder
              + " holds "
              + r.receiptPrecision.units(c.ledger().balance(holder, r.terms.receipt()))
              + " "
              + r.terms.receipt()
              + ", cannot redeem "
              + r.receiptPrecision.units(receiptAtoms));
    }
    long paid = (long) Math.floor(r.cashAtoms(receiptAtoms * r.rate()));
    if (paid > r.cash) {
      throw new IllegalStateException(
          c.spec().id()
              + ": reserve "
              + asset
              + " holds "
              + r.precision.units(r.cash)
              + " "
              + asset
              + ", not the "
              + r.precision.units(paid)
              + " "
              + asset
              + " that "
              + r.receiptPrecision.units(receiptAtoms)
              + " "
              + r.terms.receipt()
              + " redeem for");
    }
    book.burn(r, holder, receiptAtoms);
    c.ledger().transfer(r.pool, holder, asset, paid);
    r.cash -= paid;
    return paid;
  }

  void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    borrowers.borrower(account);
    book.mintFor(from, account, book.reserve(asset), atoms);
  }

  void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    lend(account, asset, atoms, to, false);
  }

  /**
   * Records a debt the account already holds (a loaded snapshot): tested against HF >= 1, not the
   * LTV.
   */
  void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    lend(account, asset, atoms, to, true);
  }

  /**
   * Lends {@code atoms}, tested against the loan-to-value limit (a new borrow) or, when {@code
   * held}, against the liquidation threshold (a debt the account already holds).
   */
  private void lend(AccountId account, AssetId asset, long atoms, AccountId to, boolean held) {
    Borrower b = borrowers.borrower(account);
    Reserve r = book.reserve(asset);
    LendingContext.positive(atoms, "atoms");
    if (!r.terms.borrowable()) {
      throw new IllegalStateException(c.spec().id() + ": " + asset + " cannot be borrowed");
    }
    if (atoms > r.cash) {
      throw new IllegalStateException(
          c.spec().id()
              + ": reserve "
              + asset
              + " holds "
              + r.precision.units(r.cash)
              + " "
              + asset
              + ", cannot lend "
              + r.precision.units(atoms)
              + " "
              + asset);
    }
    double units = r.precision.units(atoms);
    if (r.debt() + units > r.terms.borrowCap()) {
      throw new IllegalStateException(
          c.spec().id() + ": borrowing " + units + " " + asset + " exceeds the borrow cap");
    }
    // ValidationLogic.validateBorrow: the debt after the borrow must fit within Σ collateral × LTV;
    // a held debt only within Σ collateral × liquidation threshold (HF >= 1, GenericLogic).
    double power = 0;
    for (Reserve other : book.reserves) {
      power +=
          risk.collateralValue(b, other)
              * (held ? other.terms.liquidationThreshold() : other.terms.loanToValue());
    }
    double debtAfter = risk.debtValue(b) + units * c.price(asset);
    if (held && debtAfter > power) {
      throw new IllegalStateException(
          c.spec().id()
              + ": health factor "
              + power / debtAfter
              + " (collateral x liquidation threshold "
              + power
              + " over debt "
              + debtAfter
              + ") is below 1: liquidatable at the start");
    }
    if (debtAfter > power) {
      throw new IllegalStateException(
          c.spec().id()
              + ": debt "
              + debtAfter
              + " would exceed the borrowing power "
              + power
              + " of "
              + account);
    }
    c.ledger().transfer(r.pool, to, asset, atoms);
    r.cash -= atoms;
    borrowers.addDebt(b, r, units);
    risk.remark(b);
  }

  long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    Borrower b = borrowers.borrower(account);
    Reserve r = book.reserve(asset);
    LendingContext.positive(atoms, "atoms");
    long paid = r.precision.ceilAtomsAtMost(borrowers.scaledDebt(b, r) * r.borrowIndex, atoms);
    c.ledger().transfer(from, r.pool, asset, paid);
    r.cash += paid;
    borrowers.reduceDebt(b, r, r.precision.units(paid));
    risk.remark(b);
    return paid;
  }

  /**
   * Aave ValidationLogic.validateHFAndLtv: a collateral withdrawal must leave HF = Σ(coll × LT) / Σ
   * debt ≥ 1 (HEALTH_FACTOR_LIQUIDATION_THRESHOLD, GenericLogic). The receipts move to {@code to}
   * unredeemed; the HF after is computed before anything moves.
   */
  void withdrawCollateral(AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    Borrower b = borrowers.borrower(account);
    Reserve r = book.reserve(asset);
    LendingContext.positive(receiptAtoms, "receiptAtoms");
    long held = c.ledger().balance(b.id, r.terms.receipt());
    if (held < receiptAtoms) {
      throw new IllegalStateException(
          account
              + " holds "
              + r.receiptPrecision.units(held)
              + " "
              + r.terms.receipt()
              + ", cannot withdraw "
              + r.receiptPrecision.units(receiptAtoms));
    }
    MarginState before = risk.state(b);
    double debt = before.maintenanceRequirement();
    if (debt > 0) {
      double removed =
          r.receiptPrecision.units(receiptAtoms)
              * r.rate()
              * c.price(asset)
              * r.terms.liquidationThreshold();
      double after = (before.equity() - removed) / debt;
      if (after < 1) {
        throw new IllegalStateException(
            account + ": health factor after the withdrawal would be " + after + " < 1");
      }
    }
    c.ledger().transfer(b.id, to, r.terms.receipt(), receiptAtoms);
    risk.remark(b);
    // HF >= 1 after the withdrawal: the account cannot stay on the last mark's list.
    risk.liquidatable.drop(b.id);
  }
}
