package org.marginfall.protocols.lending;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * Proves the lending pool's books: each reserve's cash and receipts equal to the ledger's, its
 * scaled debt equal to its borrowers' sum, a valid exchange rate and deficit, and the last mark's
 * list agreeing with every borrower's health factor.
 */
final class LendingAudit {

  /** Relative tolerance of the audit's comparison of summed double books. */
  private static final double BOOK_TOLERANCE = 1e-9;

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final LendingRiskView risk;

  LendingAudit(LendingContext c, ReserveBook book, BorrowerBook borrowers, LendingRiskView risk) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
    this.risk = risk;
  }

  /** One line per broken invariant; empty when the books hold. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String v = c.spec().id().value();
    for (Reserve r : book.reserves) {
      AssetId a = r.terms.asset();
      if (c.ledger().balance(r.pool, a) != r.cash) {
        problems.add(
            v
                + ": reserve "
                + a
                + " books "
                + r.cash
                + " atoms of cash, the ledger holds "
                + c.ledger().balance(r.pool, a));
      }
      if (-c.ledger().balance(r.issuer, r.terms.receipt()) != r.receipts) {
        problems.add(
            v
                + ": "
                + r.receipts
                + " receipts of "
                + r.terms.receipt()
                + " booked, issuer shows "
                + -c.ledger().balance(r.issuer, r.terms.receipt()));
      }
      double sum = 0;
      for (Borrower b : borrowers.accounts.values()) {
        sum += borrowers.scaledDebt(b, r);
        if (borrowers.scaledDebt(b, r) < 0) {
          problems.add(v + ": negative debt of " + b.id + " in " + a);
        }
      }
      if (Math.abs(sum - r.scaledDebt) > BOOK_TOLERANCE * Math.max(1, r.scaledDebt)) {
        problems.add(
            v
                + ": scaled debt of "
                + a
                + " is "
                + r.scaledDebt
                + " but the accounts sum to "
                + sum);
      }
      double rate = r.rate();
      if (!Double.isFinite(rate) || rate < 0 || r.deficit < 0) {
        problems.add(
            v
                + ": exchange rate "
                + rate
                + " or deficit "
                + r.deficit
                + " of "
                + a
                + " is invalid");
      }
      if (c.spec().badDebt() == BadDebtMode.SOCIALIZE && r.deficit != 0) {
        problems.add(v + ": " + a + " records a deficit although bad debt is socialised");
      }
    }
    Set<AccountId> listed = new LinkedHashSet<>();
    risk.liquidatable.list().forEach(candidate -> listed.add(candidate.account()));
    for (Borrower b : borrowers.accounts.values()) {
      MarginState now = risk.state(b);
      if (!Double.isFinite(now.equity()) || !Double.isFinite(now.maintenanceRequirement())) {
        problems.add(v + ": margin state of " + b.id + " is not finite: " + now);
      }
      // Healthy by the formula HF = Σ coll × LT / Σ debt >= 1 exactly when not reported.
      if (now.liquidatable() != listed.contains(b.id)) {
        problems.add(
            v
                + ": "
                + b.id
                + " has health factor "
                + now.health()
                + " but the last mark says otherwise");
      }
    }
    return problems;
  }
}
