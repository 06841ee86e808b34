package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.MarginState;

/**
 * What account owners do on the perpetual venue themselves: open or add to a position at the mark,
 * reduce one through the shared market, withdraw collateral, and ask how large a position the venue
 * would accept. Each is checked against the venue's own margin tests before anything moves. It
 * exists so the owner-initiated changes and their refusals are one part, apart from liquidation.
 *
 * <p>Mutable (it changes accounts) and not thread-safe.
 */
final class PerpTradeDesk {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;

  PerpTradeDesk(PerpContext c) {
    this.spec = c.spec();
    this.services = c.services();
    this.ledger = c.ledger();
    this.base = c.base();
    this.basePrecision = c.basePrecision();
    this.markets = c.markets();
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
  }

  /**
   * The largest increase {@link #open} would accept, bisected on its own test (see {@link
   * PerpetualExchange#maxOpenSize}); the position is restored after every probe.
   */
  double maxOpenSize(AccountId marginAccount, AssetId market, int side) {
    MarginAccount a = book.require(marginAccount);
    int i = markets.index(market);
    if (a == book.vault()
        || Math.abs(side) != 1
        || (a.size(i) != 0 && Math.signum(a.size(i)) != side)) {
      throw new IllegalArgumentException(
          "maxOpenSize covers increases of a position on its own side only");
    }
    double price = markets.markPrice(i);
    double equity = risk.state(a).equity();
    if (!(equity > 0)) {
      return 0;
    }
    // No initial-margin fraction is below 1e-4 (10,000x), so this bound is never accepted.
    double hi = equity / price * 1.0e4;
    double lo = 0;
    for (int k = 0; k < 100 && hi - lo > 1e-12 * hi; k++) {
      double mid = 0.5 * (lo + hi);
      if (accepts(a, i, side * mid, price)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean accepts(MarginAccount a, int i, double size, double price) {
    double old = a.size(i);
    double oldEntry = a.entry(i);
    book.setSize(a, i, old + size);
    a.setEntry(i, (old * oldEntry + size * price) / a.size(i));
    MarginState after = risk.state(a);
    book.setSize(a, i, old);
    a.setEntry(i, oldEntry);
    return after.equity() >= after.initialRequirement();
  }

  /** Opens or adds to (or reduces, or flips) a position of {@code size} units at the mark price. */
  void open(AccountId marginAccount, AssetId market, double size) {
    MarginAccount a = trader(marginAccount);
    int i = markets.index(market);
    if (spec.marginMode() == MarginMode.ISOLATED
        && !marginAccount.value().endsWith("/" + market.value())) {
      throw new IllegalArgumentException(
          "isolated account " + marginAccount + " cannot trade " + market);
    }
    requireSize(size);
    double price = markets.markPrice(i);
    double old = a.size(i);
    double oldEntry = a.entry(i);
    double reducedPreview =
        old != 0 && Math.signum(old) != Math.signum(size)
            ? Math.min(Math.abs(size), Math.abs(old))
            : 0;
    double realizedPreview = Math.signum(old) * reducedPreview * (price - oldEntry);
    requireCanPay(
        marginAccount, realizedPreview < 0 ? basePrecision.ceilAtoms(-realizedPreview) : 0);
    double realized = book.applyTrade(a, i, size, price);
    requireInitialMargin(a, i, old, oldEntry, realized);
    waterfall.settlePnl(a.id, realized);
    risk.restate(a);
    emitTrade(marginAccount, market, size, price, Math.abs(size) * price, realized);
  }

  /**
   * Sets a position held before the run at its own entry price (see {@link
   * PerpetualExchange#load}). The start-of-run test is the venue's liquidation test, equity below
   * the maintenance requirement, not the initial margin: a position that moved against its owner
   * since it was opened is still a position the venue holds, until it would liquidate it.
   */
  void load(AccountId marginAccount, List<HeldPosition> positions) {
    MarginAccount a = trader(marginAccount);
    if (a.hasPositions()) {
      throw new IllegalStateException(marginAccount + " already holds positions");
    }
    int[] index = new int[positions.size()];
    for (int k = 0; k < index.length; k++) {
      AssetId market = positions.get(k).market();
      index[k] = markets.index(market);
      if (spec.marginMode() == MarginMode.ISOLATED
          && !marginAccount.value().endsWith("/" + market.value())) {
        throw new IllegalArgumentException(
            "isolated account " + marginAccount + " cannot hold " + market);
      }
      for (int j = 0; j < k; j++) {
        if (index[j] == index[k]) {
          throw new IllegalArgumentException(market + " is named twice");
        }
      }
    }
    for (int k = 0; k < index.length; k++) {
      book.setSize(a, index[k], positions.get(k).size());
      a.setEntry(index[k], positions.get(k).entryPrice());
    }
    MarginState after = risk.state(a);
    if (after.liquidatable()) {
      for (int i : index) {
        book.setSize(a, i, 0);
        a.setEntry(i, 0);
      }
      a.setState(risk.state(a));
      throw new IllegalStateException(
          "the venue would liquidate it at once: equity "
              + after.equity()
              + " is below the maintenance requirement "
              + after.maintenanceRequirement());
    }
    a.setState(after);
  }

  /**
   * Undoes the trade just applied to position {@code i} (size {@code old}, entry {@code oldEntry}
   * before it) and refuses it when it added risk and the account's equity after it, with the
   * realised part still to settle, is below the initial requirement.
   */
  private void requireInitialMargin(
      MarginAccount a, int i, double old, double oldEntry, double realized) {
    double next = a.size(i);
    MarginState after = risk.state(a);
    // The realised part is not yet in collateral, so post-trade equity is after.equity() +
    // realized.
    // A trade adds risk when it grows the position or flips it: a flip opens a new position on the
    // other side, which must meet the initial margin like any opening trade; only a pure reduction
    // is allowed below it.
    boolean flips = old != 0 && next != 0 && Math.signum(next) != Math.signum(old);
    boolean addsRisk = Math.abs(next) > Math.abs(old) || flips;
    if (addsRisk && after.equity() + realized < after.initialRequirement()) {
      book.setSize(a, i, old);
      a.setEntry(i, oldEntry);
      throw new IllegalStateException(
          "position on "
              + spec.id()
              + " would need initial margin "
              + after.initialRequirement()
              + " but equity is "
              + after.equity());
    }
  }

  /**
   * Closes part of a position through the shared market without a fee (see {@link
   * PerpetualExchange#reduce}); the loss is quoted before trading, so a refused reduction moves
   * nothing.
   */
  void reduce(AccountId marginAccount, AssetId market, double size) {
    MarginAccount a = trader(marginAccount);
    int i = markets.index(market);
    requireSize(size);
    double held = a.size(i);
    if (held == 0) {
      throw new IllegalStateException(
          marginAccount + " has no position in " + market + " to reduce");
    }
    double close = Math.signum(held) * Math.min(Math.abs(size), Math.abs(held));
    SharedMarket m = services.markets().market(market);
    Execution quote = m.impactModel().execute(m.price(), m.fundamental(), -close);
    double previewLoss = -close * (quote.averagePrice() - a.entry(i));
    requireCanPay(marginAccount, previewLoss > 0 ? basePrecision.ceilAtoms(previewLoss) : 0);
    Execution e = services.markets().tradeSynthetic(marginAccount.value(), market, -close);
    double realized = book.applyTrade(a, i, -close, e.averagePrice());
    waterfall.settlePnl(a.id, realized);
    risk.restate(a);
    emitTrade(marginAccount, market, -close, e.averagePrice(), e.value(), realized);
  }

  /** The account, when it may trade: not the backstop vault, which trades only by itself. */
  private MarginAccount trader(AccountId marginAccount) {
    MarginAccount a = book.require(marginAccount);
    if (a == book.vault()) {
      throw new IllegalArgumentException(
          marginAccount + " is the backstop vault; it trades only by itself");
    }
    return a;
  }

  private static void requireSize(double size) {
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
  }

  /**
   * Refuses a trade whose realised {@code loss} (in atoms) the account's base currency cannot pay.
   */
  private void requireCanPay(AccountId marginAccount, long loss) {
    if (loss > ledger.balance(marginAccount, base)) {
      throw new IllegalStateException(
          marginAccount
              + " cannot pay the realised loss "
              + basePrecision.units(loss)
              + " in "
              + base);
    }
  }

  private void emitTrade(
      AccountId marginAccount,
      AssetId market,
      double size,
      double price,
      double notional,
      double realized) {
    services
        .events()
        .emit(
            new Trade(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                marginAccount.value(),
                market.value(),
                size,
                price,
                notional,
                realized));
  }

  /**
   * Withdraws collateral when equity after it stays at or above the initial requirement (see {@link
   * PerpetualExchange#withdraw}); the test moves nothing.
   */
  void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to) {
    MarginAccount a = book.require(marginAccount);
    if (a == book.vault()) {
      throw new IllegalArgumentException(
          marginAccount + " is the backstop vault; its capital cannot be withdrawn");
    }
    if (atoms <= 0) {
      throw new IllegalArgumentException("atoms: must be > 0, was " + atoms);
    }
    int k = collateralLine(asset);
    if (k < 0) {
      throw new IllegalArgumentException(
          spec.id() + " does not accept " + asset + " as collateral");
    }
    long held = ledger.balance(marginAccount, asset);
    if (held < atoms) {
      Precision p = ledger.precision(asset);
      throw new IllegalStateException(
          marginAccount
              + " holds "
              + p.units(held)
              + " "
              + asset
              + ", cannot withdraw "
              + p.units(atoms));
    }
    MarginState before = risk.state(a);
    double equityAfter = before.equity() - countedFor(k, held, atoms);
    if (equityAfter < before.initialRequirement()) {
      throw new IllegalStateException(
          marginAccount
              + " would keep equity "
              + equityAfter
              + " below its initial requirement "
              + before.initialRequirement());
    }
    ledger.transfer(marginAccount, to, asset, atoms);
    risk.restate(a);
    // The account meets its initial margin, so it cannot stay on the last mark's list.
    risk.dropFromList(a);
  }

  /**
   * The index of the collateral line of {@code asset} (the last, should the spec list it twice), or
   * -1.
   */
  private int collateralLine(AssetId asset) {
    int line = -1;
    for (int k = 0; k < markets.collateral.size(); k++) {
      if (markets.collateral.get(k).asset().equals(asset)) {
        line = k;
      }
    }
    return line;
  }

  /**
   * What withdrawing {@code atoms} of the {@code held} atoms of collateral line {@code k} takes off
   * equity at the oracle.
   */
  private double countedFor(int k, long held, long atoms) {
    CollateralTerms terms = markets.collateral.get(k);
    Precision precision = markets.collateralPrecision[k];
    double price = markets.oraclePrice(terms.asset());
    double countedBefore = lineValue(held, precision, price, terms);
    double countedAfter = lineValue(held - atoms, precision, price, terms);
    return countedBefore - countedAfter;
  }

  /**
   * What {@code atoms} of one collateral line, counted at {@code precision}, count for: {@code
   * min(units P (1 − haircut), cap)}.
   */
  private static double lineValue(
      long atoms, Precision precision, double price, CollateralTerms terms) {
    return atoms == 0
        ? 0
        : PerpMarginCalculator.DEFAULT
            .state(
                List.of(
                    new PerpMarginCalculator.CollateralLine(
                        precision.units(atoms), price, terms.haircut(), terms.cap())),
                List.of(),
                List.of())
            .equity();
  }
}
