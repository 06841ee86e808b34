package org.marginfall.protocols.perp;

import java.util.Arrays;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;

/**
 * The perpetual venue's book path: a liquidation that closes a fraction of every position through
 * the shared market, charges the fee on the closed notional (capped at what equity remains),
 * settles PnL with the house, sells non-base collateral to the liquidator for what the account owes
 * and covers the rest through the {@link LossWaterfall} (Binance FAQ 360033525271). It exists so
 * that the close, its fee split and its events are one part, apart from the choice of path.
 *
 * <p>The columns {@code closedSize} to {@code oracle} and the sums {@code realized} and {@code
 * nominalFee} describe the one close in progress; they are reused between calls (zeroed at the
 * start of each) instead of allocated per liquidation. Mutable and not thread-safe.
 */
final class BookLiquidation {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;
  private final LiquidationTotals totals;
  private final double[] closedSize;
  private final double[] exec;
  private final double[] pnl;
  private final double[] notional;
  private final double[] oracle;
  private double realized;
  private double nominalFee;

  BookLiquidation(PerpContext c) {
    this.spec = c.spec();
    this.services = c.services();
    this.ledger = c.ledger();
    this.base = c.base();
    this.basePrecision = c.basePrecision();
    this.markets = c.markets();
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
    this.totals = c.totals();
    int n = markets.count();
    this.closedSize = new double[n];
    this.exec = new double[n];
    this.pnl = new double[n];
    this.notional = new double[n];
    this.oracle = new double[n];
  }

  /** Closes the fraction {@code f[i]} of each position {@code i} through the shared market. */
  LiquidationOutcome close(MarginAccount a, MarginState before, AccountId liquidator, double[] f) {
    AccountId account = a.id;
    boolean partial = closePositions(a, f);
    double fee = cappedFee(a);
    long feeAtoms = basePrecision.floorAtoms(fee);
    long toLiquidator = basePrecision.floorAtoms(fee * spec.liquidatorShare());
    long toInsurance = feeAtoms - toLiquidator;
    LossWaterfall.Sale sale = settle(account, liquidator, feeAtoms, toLiquidator, toInsurance);
    double totalNotional = record(account, before, liquidator, feeAtoms, toLiquidator, toInsurance);
    if (partial) {
      totals.partialLiquidations++;
      a.setPartialAt(services.clock().step());
    }
    totals.liquidatedNotional += totalNotional;
    totals.liquidationFeeAtoms += feeAtoms;
    risk.restate(a);
    risk.dropFromList(a);
    return new LiquidationOutcome(
        spec.id(),
        account,
        totalNotional,
        basePrecision.units(toLiquidator),
        sale.acquired(),
        basePrecision.units(sale.spent()));
  }

  /**
   * 1. Closes the fraction {@code f[i]} of each position through the shared market, filling the
   * columns; returns whether any position was closed only in part.
   */
  private boolean closePositions(MarginAccount a, double[] fractions) {
    boolean partial = false;
    Arrays.fill(closedSize, 0);
    Arrays.fill(exec, 0);
    Arrays.fill(pnl, 0);
    Arrays.fill(notional, 0);
    Arrays.fill(oracle, 0);
    realized = 0;
    nominalFee = 0;
    String venue = spec.id().value();
    for (int i = 0; i < closedSize.length; i++) {
      if (a.size(i) == 0) {
        continue;
      }
      AssetId asset = markets.assets.get(i);
      oracle[i] = markets.oraclePrice(asset);
      double f = fractions[i];
      partial |= f < 1;
      double close = f >= 1 ? a.size(i) : a.size(i) * f;
      Execution e = services.markets().tradeSynthetic(venue, asset, -close);
      closedSize[i] = close;
      exec[i] = e.averagePrice();
      pnl[i] = close * (exec[i] - a.entry(i));
      notional[i] = e.value();
      realized += pnl[i];
      nominalFee += notional[i] * spec.liquidationFee();
      if (f >= 1) {
        book.setSize(a, i, 0);
        a.setEntry(i, 0);
      } else {
        book.setSize(a, i, a.size(i) - close);
      }
    }
    return partial;
  }

  /**
   * 2. The fee, capped at what equity remains after the close (collateral at oracle value, less
   * loans).
   */
  private double cappedFee(MarginAccount a) {
    double remaining = realized - basePrecision.units(a.borrowed());
    for (CollateralTerms c : markets.collateral) {
      remaining += ledger.units(a.id, c.asset()) * markets.oraclePrice(c.asset());
    }
    return Math.min(nominalFee, Math.max(0, remaining));
  }

  /**
   * 3. Settles PnL with the house; then raises base currency for what the account owes, and pays
   * the fee.
   */
  private LossWaterfall.Sale settle(
      AccountId account, AccountId liquidator, long feeAtoms, long toLiquidator, long toInsurance) {
    long gain = realized > 0 ? basePrecision.floorAtoms(realized) : 0;
    long loss = realized < 0 ? basePrecision.ceilAtoms(-realized) : 0;
    if (gain > 0) {
      waterfall.payFromHouse(account, gain);
    }
    long owed = loss + feeAtoms;
    long shortfall = owed - ledger.balance(account, base);
    LossWaterfall.Sale sale = waterfall.sellCollateral(account, liquidator, shortfall);
    waterfall.coverShortfall(account, shortfall - sale.raised());
    waterfall.payHouse(account, loss);
    ledger.transfer(account, liquidator, base, toLiquidator);
    waterfall.payInsurance(account, toInsurance);
    return sale;
  }

  /**
   * 4. Records one event per closed position, the fee split pro rata to notional; returns the
   * closed notional.
   */
  private double record(
      AccountId account,
      MarginState before,
      AccountId liquidator,
      long feeAtoms,
      long toLiquidator,
      long toInsurance) {
    double totalNotional = 0;
    for (int i = 0; i < notional.length; i++) {
      totalNotional += notional[i];
    }
    for (int i = 0; i < closedSize.length; i++) {
      if (closedSize[i] == 0) {
        continue;
      }
      double w = totalNotional > 0 ? notional[i] / totalNotional : 0;
      services
          .events()
          .emit(
              new Liquidation(
                  services.clock().step(),
                  services.clock().round(),
                  spec.id().value(),
                  account.value(),
                  liquidator.value(),
                  markets.assets.get(i).value(),
                  closedSize[i],
                  oracle[i],
                  exec[i],
                  notional[i],
                  pnl[i],
                  w * basePrecision.units(feeAtoms),
                  w * basePrecision.units(toLiquidator),
                  w * basePrecision.units(toInsurance),
                  before.equity(),
                  before.maintenanceRequirement()));
      totals.liquidations++;
    }
    return totalNotional;
  }
}
