package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationScreen;

/**
 * The perpetual venue's passes over the columns of its {@link PerpAccountBook}: one account's
 * margin summed at given prices into fields (no value built per account), the mark that stores it
 * in the book's state columns and records the account's allowance with the screen, and the passes
 * over every account that read the stored states and positions (health values, open interest). It
 * exists so that the record phase, which marks every account every step, runs over primitive
 * arrays.
 *
 * <p>The sums are those of {@link PerpMarginCalculator#state(List, List, List)}, term by term in
 * the same order, so a state summed here is bit-identical to one built from lines.
 *
 * <p>Mutable (the last sums) and not thread-safe.
 */
final class ColumnMarks {

  private final Ledger ledger;

  /**
   * The base currency's precision: what an account owes the venue's lending book is in its atoms.
   */
  private final Precision basePrecision;

  private final PerpAccountBook book;
  private final LiquidationScreen screen;

  /**
   * The columns of {@link PerpMarkets} that the per-account sum reads, held here to read in place.
   */
  private final List<CollateralTerms> collateral;

  private final int[] collateralSlot;
  private final Precision[] collateralPrecision;
  private final double[] initialMargin;
  private final double[] maintenanceMargin;
  private final List<MarginTiers> tiers;

  /** Per market, the steepest maintenance rate (the slope of the requirement in the notional). */
  private final double[] steepestRate;

  /** The sums of the last {@link #sum}: equity, initial and maintenance requirement. */
  double equity;

  double initial;
  double maintenance;

  ColumnMarks(Ledger ledger, PerpMarkets markets, PerpAccountBook book, Precision basePrecision) {
    this.ledger = ledger;
    this.basePrecision = basePrecision;
    this.book = book;
    this.screen = book.screen;
    this.collateral = markets.collateral;
    this.collateralSlot = markets.collateralSlot;
    this.collateralPrecision = markets.collateralPrecision;
    this.initialMargin = markets.initialMargin;
    this.maintenanceMargin = markets.maintenanceMargin;
    this.tiers = markets.tiers;
    this.steepestRate = new double[markets.count()];
    for (int i = 0; i < steepestRate.length; i++) {
      MarginTiers t = tiers.get(i);
      steepestRate[i] =
          t == null ? maintenanceMargin[i] : Math.max(t.rate(0), t.rate(t.size() - 1));
    }
  }

  /**
   * Sums account {@code o}'s equity and requirements at the given oracle prices of the collateral
   * lines and marks of the markets into {@link #equity}, {@link #initial} and {@link #maintenance}.
   */
  void sum(int o, double[] collateralPrice, double[] mark) {
    int slot = book.slotColumn()[o];
    double equity = 0;
    for (int k = 0; k < collateralSlot.length; k++) {
      long held = ledger.balanceAt(slot, collateralSlot[k]);
      if (held != 0) {
        CollateralTerms c = collateral.get(k);
        equity +=
            PerpMarginCalculator.collateralValue(
                collateralPrecision[k].units(held), collateralPrice[k], c.haircut(), c.cap());
      }
    }
    double initial = 0;
    double maintenance = 0;
    for (int i = 0; i < mark.length; i++) {
      double size = book.sizeColumn(i)[o];
      if (size != 0) {
        double p = mark[i];
        equity += size * (p - book.entryColumn(i)[o]);
        double notional = Math.abs(size) * p;
        MarginTiers t = tiers.get(i);
        initial += PerpMarginCalculator.initialRequirement(notional, initialMargin[i], t);
        maintenance +=
            PerpMarginCalculator.maintenanceRequirement(notional, maintenanceMargin[i], t);
      }
    }
    this.equity = equity - borrowedUnits(o);
    this.initial = initial;
    this.maintenance = maintenance;
  }

  /** Sums account {@code o} at the given prices and stores the state in the book's columns. */
  void store(int o, double[] collateralPrice, double[] mark) {
    sum(o, collateralPrice, mark);
    book.setState(o, equity, initial, maintenance);
  }

  /**
   * The full mark: every account, in account order, summed as {@link #store} sums it (the same
   * terms in the same order) into the book's state columns, and its allowance recorded with the
   * screen: its slack is equity less maintenance; each collateral line moves by at most its value
   * before haircut and cap, each position's PnL by its notional and its requirement by the notional
   * times the steepest tier rate. The columns are read into locals once per pass.
   */
  void markAllAndAllow(double[] collateralPrice, double[] mark) {
    int n = book.size();
    int vault = book.vaultOrdinal();
    int[] slots = book.slotColumn();
    double[][] size = new double[mark.length][];
    double[][] entry = new double[mark.length][];
    for (int i = 0; i < mark.length; i++) {
      size[i] = book.sizeColumn(i);
      entry[i] = book.entryColumn(i);
    }
    double[] equityColumn = book.equityColumn();
    double[] initialColumn = book.initialColumn();
    double[] maintenanceColumn = book.maintenanceColumn();
    for (int o = 0; o < n; o++) {
      int slot = slots[o];
      double equity = 0;
      double moving = 0;
      double fixed = 0;
      for (int k = 0; k < collateralSlot.length; k++) {
        long held = ledger.balanceAt(slot, collateralSlot[k]);
        if (held != 0) {
          CollateralTerms c = collateral.get(k);
          double units = collateralPrecision[k].units(held);
          equity +=
              PerpMarginCalculator.collateralValue(units, collateralPrice[k], c.haircut(), c.cap());
          moving += Math.abs(units * collateralPrice[k]);
        }
      }
      double initial = 0;
      double maintenance = 0;
      for (int i = 0; i < mark.length; i++) {
        double s = size[i][o];
        if (s != 0) {
          double p = mark[i];
          double e = entry[i][o];
          equity += s * (p - e);
          double notional = Math.abs(s) * p;
          MarginTiers t = tiers.get(i);
          initial += PerpMarginCalculator.initialRequirement(notional, initialMargin[i], t);
          maintenance +=
              PerpMarginCalculator.maintenanceRequirement(notional, maintenanceMargin[i], t);
          moving += notional * (1 + steepestRate[i]);
          fixed += Math.abs(s * e) + notional;
        }
      }
      equity -= borrowedUnits(o);
      equityColumn[o] = equity;
      initialColumn[o] = initial;
      maintenanceColumn[o] = maintenance;
      if (o == vault || !(maintenance > 0) && !book.hasPositions(o)) {
        screen.allow(o, slot, Double.POSITIVE_INFINITY, 0, 0);
      } else {
        fixed += Math.abs(equity) + Math.abs(maintenance);
        screen.allow(o, slot, equity - maintenance, moving, moving + fixed);
      }
    }
  }

  /**
   * Writes the finite healths (equity over maintenance requirement, as {@link
   * org.marginfall.core.venue.MarginState#health()} computes it) of every account but the backstop
   * vault, from the stored states, into {@code into} from index 0 in account order; returns how
   * many.
   *
   * @param into at least {@link PerpAccountBook#size()} long
   */
  int healthValues(double[] into) {
    int vault = book.vaultOrdinal();
    double[] equity = book.equityColumn();
    double[] maintenance = book.maintenanceColumn();
    int count = book.size();
    int n = 0;
    for (int o = 0; o < count; o++) {
      if (o != vault) {
        double m = maintenance[o];
        double h = m > 0 ? equity[o] / m : Double.POSITIVE_INFINITY;
        if (Double.isFinite(h)) {
          into[n++] = h;
        }
      }
    }
    return n;
  }

  /**
   * The absolute size of every position at {@code price} (one per market), summed account by
   * account.
   */
  double openInterest(double[] price) {
    double[][] size = new double[price.length][];
    for (int i = 0; i < price.length; i++) {
      size[i] = book.sizeColumn(i);
    }
    double openInterest = 0;
    int n = book.size();
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < price.length; i++) {
        double s = size[i][o];
        if (s != 0) {
          openInterest += Math.abs(s) * price[i];
        }
      }
    }
    return openInterest;
  }

  /**
   * What account {@code o} owes the venue's lending book, a liability in its equity (0 without
   * one).
   */
  private double borrowedUnits(int o) {
    long atoms = book.borrowed[o];
    return atoms == 0 ? 0 : basePrecision.units(atoms);
  }
}
