package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;

/**
 * The perpetual venue's auto-deleveraging path: a bankrupt account whose deficit the insurance fund
 * cannot cover is closed at bankruptcy prices against opposite positions profitable there, which
 * {@link Deleveraging} ranks and allocates; the rest closes through the book and its loss runs down
 * the {@link LossWaterfall}. Each closed position emits one {@link Liquidation} event, as the book
 * path does, for the whole close (fills and book), so every liquidation the venue counts is named
 * by an event the engine attributes a cause to; the fills also emit {@link AutoDeleverage} events.
 * It exists so that the ADL path's state (the random start stream, the reused columns of opposite
 * positions) and totals sit beside the pure rules they feed.
 *
 * <p>The fields {@code deficit} to {@code closedNotional} describe the one deleveraging in
 * progress; they are running sums in the order the fills happen, so results do not depend on how
 * the steps are split into methods. Mutable and not thread-safe.
 */
final class DeleveragingPath {

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

  /** The stream of {@code random-start}, null under the other rules. */
  private final RandomStream adlStream;

  /** Scratch columns of the opposite positions of one deleveraging, reused between calls. */
  private AccountId[] oppositeIds = new AccountId[0];

  private double[] oppositeSizes = new double[0];
  private double[] oppositeScores = new double[0];
  private double deficit;
  private double uncoverable;
  private double realized;
  private double closedNotional;

  /**
   * The close in progress: the account's state and liquidator, for its {@link Liquidation} events.
   */
  private MarginState before;

  private AccountId liquidator;
  private long adlFills;
  private double adlShortfall;
  private double adlProfitTaken;
  private double adlOverDeleveraging;

  DeleveragingPath(PerpContext c) {
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
    this.adlStream =
        spec.deleveraging().rule() == DeleveragingRule.RANDOM_START
            ? services.streams().stream("venues/" + spec.id().value() + "/adl")
            : null;
  }

  /**
   * Auto-deleveraging of a bankrupt account whose deficit the insurance fund cannot cover: each
   * position is closed at its bankruptcy price {@code p_b = P + deficit * w / size}, the deficit
   * allocated over positions by their share {@code w} of the maintenance requirement (dYdX v4
   * bankruptcyQuote = -dNNV - TNC * |dMMR| / TMMR, x/clob/keeper/liquidations.go), against opposite
   * positions that are profitable at {@code p_b}, chosen by the rule; what they cannot absorb
   * closes through the book, and its loss goes to the insurance fund, socialized loss, then bad
   * debt.
   */
  LiquidationOutcome deleverage(
      MarginAccount a, MarginState before, AccountId liquidator, double value) {
    deficit = -value;
    uncoverable = Math.max(0, deficit - basePrecision.units(waterfall.insuranceAtoms()));
    realized = 0;
    closedNotional = 0;
    this.before = before;
    this.liquidator = liquidator;
    int n = a.markets();
    double[] mm = new double[n];
    double totalMm = maintenanceShares(a, mm);
    for (int i = 0; i < n; i++) {
      double s = a.size(i);
      if (s == 0) {
        continue;
      }
      double mark = markets.markPrice(i);
      double pb = mark + deficit * (mm[i] / totalMm) / s;
      closeMarket(a, i, s, pb, mark);
    }
    return settle(a, liquidator);
  }

  /**
   * Fills {@code mm} with each position's maintenance requirement at the mark; returns their sum.
   */
  private double maintenanceShares(MarginAccount a, double[] mm) {
    double totalMm = 0;
    for (int i = 0; i < mm.length; i++) {
      if (a.size(i) != 0) {
        mm[i] = markets.tiers.get(i).maintenance(Math.abs(a.size(i)) * markets.markPrice(i));
        totalMm += mm[i];
      }
    }
    return totalMm;
  }

  /**
   * Closes {@code a}'s position {@code s} in market {@code i}: against opposites at {@code pb}, the
   * rest through the book; records the whole close as one liquidation.
   */
  private void closeMarket(MarginAccount a, int i, double s, double pb, double mark) {
    double realizedBefore = realized;
    double notionalBefore = closedNotional;
    int m = collectOpposites(a, i, s, pb, mark);
    int start =
        adlStream != null && m > 0 ? Deleveraging.startIndex(adlStream.nextUniform(), m) : 0;
    double filled = 0;
    for (Deleveraging.Fill fill : fills(m, Math.abs(s), start)) {
      double q = fill.quantity();
      if (!(q > 0)) {
        continue;
      }
      fill(a, i, s, pb, mark, book.get(fill.account()), q);
      filled += q;
    }
    double rest = Math.abs(s) - filled;
    if (rest > 1e-12 * Math.abs(s)) {
      Execution e =
          services
              .markets()
              .tradeSynthetic(spec.id().value(), markets.assets.get(i), -Math.signum(s) * rest);
      realized += Math.signum(s) * rest * (e.averagePrice() - a.entry(i));
      closedNotional += e.value();
    }
    book.setSize(a, i, 0);
    a.setEntry(i, 0);
    record(a, i, s, closedNotional - notionalBefore, realized - realizedBefore);
  }

  /**
   * Emits the liquidation of position {@code s} in market {@code i}: {@code notional} closed at
   * bankruptcy prices and through the book, no fee (the deleveraging path charges none), and counts
   * it.
   */
  private void record(MarginAccount a, int i, double s, double notional, double pnl) {
    AssetId asset = markets.assets.get(i);
    services
        .events()
        .emit(
            new Liquidation(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                a.id.value(),
                liquidator.value(),
                asset.value(),
                s,
                markets.oraclePrice(asset),
                notional / Math.abs(s),
                notional,
                pnl,
                0,
                0,
                0,
                before.equity(),
                before.maintenanceRequirement()));
    totals.liquidations++;
  }

  /** The rule's fills of {@code quantity} over the first {@code m} collected opposite positions. */
  private List<Deleveraging.Fill> fills(int m, double quantity, int start) {
    DeleveragingRule rule = spec.deleveraging().rule();
    if (rule == DeleveragingRule.NONE) {
      return List.of();
    }
    if (rule == DeleveragingRule.PNL_LEVERAGE) {
      return Deleveraging.byRank(oppositeIds, oppositeSizes, oppositeScores, m, quantity);
    }
    List<Deleveraging.Opposite> opposites = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      opposites.add(new Deleveraging.Opposite(oppositeIds[k], oppositeSizes[k], oppositeScores[k]));
    }
    return Deleveraging.allocate(rule, opposites, quantity, start);
  }

  /**
   * One fill: the bankrupt side closes {@code q} at {@code pb}; the counterparty {@code o} closes
   * the same {@code q} at {@code pb}.
   */
  private void fill(
      MarginAccount a, int i, double s, double pb, double mark, MarginAccount o, double q) {
    realized += Math.signum(s) * q * (pb - a.entry(i));
    waterfall.settlePnl(o.id, book.applyTrade(o, i, Math.signum(s) * q, pb));
    risk.restate(o);
    double taken = q * Math.abs(pb - mark);
    double covered = deficit > 0 ? uncoverable * taken / deficit : 0;
    adlFills++;
    adlShortfall += covered;
    adlProfitTaken += taken;
    adlOverDeleveraging += taken - covered;
    closedNotional += q * pb;
    services
        .events()
        .emit(
            new AutoDeleverage(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                spec.deleveraging().rule().scenarioName(),
                a.id.value(),
                o.id.value(),
                markets.assets.get(i).value(),
                -Math.signum(s) * q,
                pb,
                mark,
                covered,
                taken,
                taken - covered));
  }

  /** Settles what the closes realised: collateral sold to the liquidator, then the waterfall. */
  private LiquidationOutcome settle(MarginAccount a, AccountId liquidator) {
    long gain = realized > 0 ? basePrecision.floorAtoms(realized) : 0;
    long loss = realized < 0 ? basePrecision.ceilAtoms(-realized) : 0;
    if (gain > 0) {
      waterfall.payFromHouse(a.id, gain);
    }
    long shortfall = loss - ledger.balance(a.id, base);
    LossWaterfall.Sale sale = waterfall.sellCollateral(a.id, liquidator, shortfall);
    waterfall.coverBankruptcy(a.id, shortfall - sale.raised());
    waterfall.payHouse(a.id, loss);
    totals.liquidatedNotional += closedNotional;
    risk.restate(a);
    risk.dropFromList(a);
    return new LiquidationOutcome(
        spec.id(), a.id, closedNotional, 0, sale.acquired(), basePrecision.units(sale.spent()));
  }

  /**
   * Collects the positions opposite to {@code a}'s position {@code s} in market {@code i} that are
   * in profit at the bankruptcy price {@code pb}, in account order, into {@link #oppositeIds},
   * {@link #oppositeSizes} (absolute) and {@link #oppositeScores} (the ADL ranking at {@code
   * mark}); returns how many.
   */
  private int collectOpposites(MarginAccount a, int i, double s, double pb, double mark) {
    BitSet opposite = book.opposite(i, s);
    int m = 0;
    for (int k = opposite.nextSetBit(0); k >= 0; k = opposite.nextSetBit(k + 1)) {
      MarginAccount o = book.byOrdinal(k);
      double os = o.size(i);
      if (o == a || !(os * (pb - o.entry(i)) > 0)) {
        continue;
      }
      if (m == oppositeIds.length) {
        int grown = Math.max(16, 2 * m);
        oppositeIds = Arrays.copyOf(oppositeIds, grown);
        oppositeSizes = Arrays.copyOf(oppositeSizes, grown);
        oppositeScores = Arrays.copyOf(oppositeScores, grown);
      }
      oppositeIds[m] = o.id;
      oppositeSizes[m] = Math.abs(os);
      oppositeScores[m] =
          Deleveraging.score(
              os * (mark - o.entry(i)), os * o.entry(i), os * mark, risk.markedState(o).equity());
      m++;
    }
    return m;
  }

  /** Adds the ADL totals to a snapshot's extras when a deleveraging rule is on. */
  void addExtras(Map<String, Double> extras) {
    if (spec.deleveraging().rule() != DeleveragingRule.NONE) {
      extras.put("adlFills", (double) adlFills);
      extras.put("adlShortfall", adlShortfall);
      extras.put("adlProfitTaken", adlProfitTaken);
      extras.put("adlOverDeleveraging", adlOverDeleveraging);
    }
  }
}
