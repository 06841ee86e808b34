package org.marginfall.protocols.lending;

import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;

/**
 * Bad debt in the lending pool (Aave v3.3): burning the debt of an account left without collateral,
 * the treasury's receipts covering it first, the rest recorded as the reserve's deficit or
 * socialised to its suppliers; covering recorded deficits from the treasury later
 * (eliminateReserveDeficit); and the totals of both.
 *
 * <p>Mutable and not thread-safe.
 */
final class DebtBurner {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;

  /** What the treasury covered, in base currency at the prices of the time. */
  double insurancePaid;

  /** What it could not, in base currency at the prices of the time. */
  double badDebt;

  DebtBurner(LendingContext c, ReserveBook book, BorrowerBook borrowers) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
  }

  /** Burns treasury receipts of the reserve to cover its recorded deficit at the current rate. */
  void coverDeficit(Reserve r) {
    double rate = r.rate();
    long held = c.ledger().balance(c.treasury(), r.terms.receipt());
    if (held == 0 || !(rate > 0)) {
      return;
    }
    // The deficit is underlying units: over the rate it is receipt units.
    long needed = (long) Math.ceil(r.deficit / rate * r.receiptPrecision.atomsPerUnit());
    long burned = Math.min(held, needed);
    double covered = burned == needed ? r.deficit : r.receiptPrecision.units(burned) * rate;
    book.burn(r, c.treasury(), burned);
    r.deficit -= covered;
    double value = covered * c.price(r.terms.asset());
    insurancePaid += value;
    c.services()
        .events()
        .emit(new InsurancePayout(c.step(), c.round(), c.venue(), r.pool.value(), value));
  }

  /**
   * Burns {@code b}'s whole debt in {@code r}: the treasury's receipts of that reserve cover it
   * first (burned at the rate before the loss, so other holders keep their rate); the rest is
   * recorded as the reserve's deficit or socialised by leaving the reserve's assets.
   */
  void burnDebt(Borrower b, Reserve r) {
    double rateBefore = r.rate();
    double units = borrowers.clearDebt(b, r);
    long held = c.ledger().balance(c.treasury(), r.terms.receipt());
    long needed =
        rateBefore > 0
            ? (long) Math.ceil(units / rateBefore * r.receiptPrecision.atomsPerUnit())
            : 0;
    long burned = Math.min(held, needed);
    double covered = burned == needed ? units : r.receiptPrecision.units(burned) * rateBefore;
    book.burn(r, c.treasury(), burned);
    BadDebtMode mode = c.spec().badDebt();
    if (mode == BadDebtMode.SOCIALIZE && rateBefore > 0) {
      // Suppliers absorb the burned debt: the receipts' exchange rate falls by this factor.
      r.lossIndex *= r.rate() / rateBefore;
    }
    double uncovered = units - covered;
    double p = c.price(r.terms.asset());
    long step = c.step();
    int round = c.round();
    String v = c.venue();
    if (covered > 0) {
      insurancePaid += covered * p;
      c.services().events().emit(new InsurancePayout(step, round, v, b.id.value(), covered * p));
    }
    if (uncovered > 0) {
      if (mode == BadDebtMode.DEFICIT) {
        r.deficit += uncovered;
      }
      badDebt += uncovered * p;
      c.services().events().emit(new BadDebt(step, round, v, b.id.value(), uncovered * p));
    }
    c.services()
        .events()
        .emit(
            new DebtBurned(
                step,
                round,
                v,
                b.id.value(),
                r.terms.asset().value(),
                units,
                covered,
                uncovered,
                mode.scenarioName()));
  }
}
