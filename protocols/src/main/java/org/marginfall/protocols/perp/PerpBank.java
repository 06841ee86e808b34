package org.marginfall.protocols.perp;

import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.MarginState;

/**
 * The venue's lending book ({@link BorrowTerms}): the lenders' base currency in {@code v/bank}, the
 * loans of margin accounts against their health, and their repayment when a liquidation has closed
 * every position of a borrower. A loan counts as a liability in the account's equity ({@link
 * MarginAccount#borrowed()}), so the account is marked and liquidated with it.
 *
 * <p>Borrowing room is Mango v3's init health, {@code equity − initial requirement}, where equity
 * counts collateral, unrealised PnL and loans at weight 1, less {@code (1 − pnlWeight)} times the
 * positive unrealised PnL (project blockworks-foundation/mango-docs, mango-v3/overview.md). What a
 * closed borrower cannot repay goes through the venue's waterfall: the insurance fund, then bad
 * debt. Mutable and not thread-safe.
 */
final class PerpBank {

  private final PerpetualVenueSpec spec;
  private final BorrowTerms terms;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;
  private final AccountId bank;
  private final long lendableAtoms;

  /** Loans outstanding, in base-currency atoms: Σ {@link MarginAccount#borrowed()}. */
  private long outstandingAtoms;

  /** Opens {@code v/bank} and funds it with the lenders' deposits. */
  PerpBank(
      PerpetualVenueSpec spec,
      BorrowTerms terms,
      VenueServices services,
      PerpMarkets markets,
      PerpAccountBook book,
      PerpRiskView risk,
      LossWaterfall waterfall) {
    this.spec = spec;
    this.terms = terms;
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    this.basePrecision = ledger.precision(base);
    this.markets = markets;
    this.book = book;
    this.risk = risk;
    this.waterfall = waterfall;
    this.bank = AccountId.of(spec.id().value(), "bank");
    this.lendableAtoms = basePrecision.floorAtoms(terms.lendable());
    ledger.open(bank, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, bank, base, lendableAtoms);
  }

  /** The account's unrealised PnL at the current marks. */
  double unrealised(MarginAccount a) {
    double pnl = 0;
    for (int i = 0; i < a.markets(); i++) {
      double size = a.size(i);
      if (size != 0) {
        pnl += size * (markets.markPrice(i) - a.entry(i));
      }
    }
    return pnl;
  }

  /**
   * Borrowing room (init health with positive PnL at {@code pnlWeight}) capped at the book's cash.
   */
  double borrowable(MarginAccount a) {
    if (a == book.vault()) {
      return 0;
    }
    MarginState s = risk.state(a);
    double room =
        s.equity() - s.initialRequirement() - (1 - terms.pnlWeight()) * Math.max(0, unrealised(a));
    return Math.max(0, Math.min(room, basePrecision.units(ledger.balance(bank, base))));
  }

  /** Lends {@code atoms} to {@code to} as a debt of {@code a}, within {@link #borrowable}. */
  void borrow(MarginAccount a, long atoms, AccountId to) {
    if (atoms <= 0) {
      throw new IllegalArgumentException("atoms: must be > 0, was " + atoms);
    }
    MarginState before = risk.state(a);
    double room = borrowable(a);
    if (atoms > basePrecision.floorAtoms(room)) {
      throw new IllegalStateException(
          a.id + " may borrow " + room + " " + base + " now, not " + basePrecision.units(atoms));
    }
    double pnl = unrealised(a);
    ledger.transfer(bank, to, base, atoms);
    a.setBorrowed(a.borrowed() + atoms);
    outstandingAtoms += atoms;
    risk.restate(a);
    // The account still meets its initial requirement, so it cannot stay on the last mark's list.
    risk.dropFromList(a);
    services
        .events()
        .emit(
            new PnlBorrow(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                a.id.value(),
                basePrecision.units(atoms),
                pnl,
                before.equity(),
                before.initialRequirement(),
                basePrecision.units(ledger.balance(bank, base))));
  }

  /**
   * Repays a borrower a liquidation left without positions: from its base currency, the rest
   * through the waterfall (insurance fund, then bad debt), so the lenders get the loan back whole.
   */
  void repayIfClosed(MarginAccount a) {
    if (a.borrowed() == 0 || a.hasPositions()) {
      return;
    }
    long owed = a.borrowed();
    waterfall.coverShortfall(a.id, owed - ledger.balance(a.id, base));
    ledger.transfer(a.id, bank, base, owed);
    a.setBorrowed(0);
    outstandingAtoms -= owed;
    risk.restate(a);
  }

  /**
   * Loans outstanding, and the part of them the borrowers' equity at the last mark does not cover.
   */
  void addExtras(Map<String, Double> extras) {
    double shortfall = 0;
    for (MarginAccount a : book.all()) {
      if (a.borrowed() > 0 && a.state().equity() < 0) {
        shortfall -= a.state().equity();
      }
    }
    extras.put("borrowed", basePrecision.units(outstandingAtoms));
    extras.put("borrowShortfall", shortfall);
  }

  /** The book holds to the atom: cash plus loans is what the lenders put in. */
  void audit(List<String> problems) {
    long sum = 0;
    for (MarginAccount a : book.all()) {
      sum += a.borrowed();
    }
    if (sum != outstandingAtoms) {
      problems.add(
          spec.id() + ": loans sum to " + sum + " atoms, the book counts " + outstandingAtoms);
    }
    long cash = ledger.balance(bank, base);
    if (cash + outstandingAtoms != lendableAtoms) {
      problems.add(
          spec.id()
              + ": bank cash "
              + cash
              + " + loans "
              + outstandingAtoms
              + " != lendable "
              + lendableAtoms
              + " atoms");
    }
  }
}
