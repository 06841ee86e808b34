package org.marginfall.protocols.perp;

import java.util.Arrays;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.MarginState;

/**
 * What a liquidation of an account would do now, without doing it: which path it takes
 * (deleveraging, a backstop takeover, or a close through the book), what fraction a book close
 * closes, and the liquidator's reward. It exists so that {@code liquidate} and the reward estimate
 * agents rank candidates by decide from one definition and cannot drift apart.
 *
 * <p>Reads only; not thread-safe (it reads the venue's mutable state).
 */
final class LiquidationPlanner {

  /** The path a liquidation takes, with the reason a backstop takeover records. */
  enum Route {
    /** The deficit exceeds the insurance fund and ADL or socialized loss is on. */
    DELEVERAGE(null),
    /** The backstop takes over an account whose equity is below {@code takeoverBelow * MM}. */
    BELOW_THRESHOLD("below-threshold"),
    /** The backstop takes over an account a close through the book would leave short. */
    BOOK_SHORTFALL("book-shortfall"),
    /** A close through the book, in full or partially. */
    BOOK(null);

    private final String reason;

    Route(String reason) {
      this.reason = reason;
    }

    /** The takeover reason {@link BackstopTakeover} records; null for the other paths. */
    String reason() {
      return reason;
    }
  }

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;

  /** The backstop's terms, null without a backstop. */
  private final BackstopTerms backstop;

  /** The close fractions by market index, reused between calls. */
  private final double[] fractions;

  LiquidationPlanner(PerpContext c) {
    this.spec = c.spec();
    this.services = c.services();
    this.ledger = c.ledger();
    this.base = c.base();
    this.basePrecision = c.basePrecision();
    this.markets = c.markets();
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
    this.backstop = spec.backstop().orElse(null);
    this.fractions = new double[markets.count()];
  }

  /**
   * The path a liquidation of {@code a} takes, from its settlement value V ({@link
   * PerpRiskView#settlementValue}): when ADL or socialized loss is on and the deficit {@code -V}
   * exceeds the insurance fund, deleveraging; otherwise, with a backstop and V &gt;= 0, a takeover
   * when equity is below {@code takeoverBelow * MM} or a close through the book would leave a
   * shortfall; otherwise a close through the book.
   */
  Route route(MarginAccount a, MarginState now, double value) {
    if ((spec.deleveraging().rule() != DeleveragingRule.NONE
            || spec.deleveraging().socializeLosses())
        && value < 0
        && basePrecision.ceilAtoms(-value) > waterfall.insuranceAtoms()) {
      return Route.DELEVERAGE;
    }
    // An insolvent vault (equity at or below zero) has nothing to take an account over with.
    if (backstop != null && value >= 0 && risk.settlementValue(book.vault()) > 0) {
      if (now.equity() < backstop.takeoverBelow() * now.maintenanceRequirement()) {
        return Route.BELOW_THRESHOLD;
      }
      if (bookCloseValue(a) < 0) {
        return Route.BOOK_SHORTFALL;
      }
    }
    return Route.BOOK;
  }

  /**
   * The fraction of each position a close through the book closes, from the notionals at the mark,
   * by market index. The array is this planner's and is overwritten by the next call.
   */
  double[] closeFractions(MarginAccount a, MarginState now) {
    double notional = 0;
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        notional += Math.abs(a.size(i)) * markets.markPrice(i);
      }
    }
    LiquidationTerms terms = spec.liquidation();
    if (terms.mode() == LiquidationMode.FIXED_PARTIAL) {
      boolean cooling =
          a.partialAt() != MarginAccount.NEVER
              && services.clock().step() - a.partialAt() < terms.cooldownSteps();
      for (int i = 0; i < a.markets(); i++) {
        fractions[i] =
            a.size(i) == 0
                ? 0
                : PartialLiquidation.fixedFraction(
                    terms, Math.abs(a.size(i)) * markets.markPrice(i), cooling);
      }
    } else {
      Arrays.fill(fractions, fraction(now, notional));
    }
    return fractions;
  }

  private double fraction(MarginState now, double notional) {
    // Two atoms of slack: settlement rounds the realised loss up and may otherwise leave the
    // account a hair below maintenance, to be liquidated again for dust.
    return PartialLiquidation.closeFraction(
        spec.liquidation(),
        now.equity() - basePrecision.units(2),
        now.maintenanceRequirement(),
        notional,
        spec.liquidationFee());
  }

  /**
   * The liquidator's share of the fee a close through the book would charge, at the mark price:
   * {@code liquidatorShare * min(phi * f * N, max(0, C + f * U))} with f the close fraction, N the
   * position notional, C the collateral at the oracle and U the unrealised PnL (Binance USD-M
   * liquidation clearance fee, FAQ 360033525271; the split is this model's {@code
   * liquidatorShare}). 0 when the account is the vault or not liquidatable, or would be deleveraged
   * or taken over by the backstop, which pay no fee.
   */
  double expectedReward(MarginAccount a) {
    if (a == book.vault()) {
      return 0;
    }
    MarginState now = risk.state(a);
    if (!now.liquidatable()) {
      return 0;
    }
    double value = risk.settlementValue(a);
    if (route(a, now, value) != Route.BOOK) {
      return 0;
    }
    double[] f = closeFractions(a, now);
    double closed = 0;
    double unrealisedLeft = 0;
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        double mark = markets.markPrice(i);
        closed += f[i] * Math.abs(a.size(i)) * mark;
        unrealisedLeft += (1 - f[i]) * a.size(i) * (mark - a.entry(i));
      }
    }
    double remaining = value - unrealisedLeft;
    double fee = Math.min(closed * spec.liquidationFee(), Math.max(0, remaining));
    return fee * spec.liquidatorShare();
  }

  /**
   * Whether {@code liquidator} can buy all non-base collateral of {@code account}, the most the
   * waterfall may sell it.
   */
  boolean liquidatorCanBuy(AccountId account, AccountId liquidator) {
    long needed = 0;
    for (CollateralTerms c : markets.collateral) {
      if (!c.asset().equals(base)) {
        needed +=
            basePrecision.ceilAtoms(
                ledger.units(account, c.asset()) * markets.oraclePrice(c.asset()));
      }
    }
    return ledger.balance(liquidator, base) >= needed;
  }

  /**
   * What a full close through the book would leave, quoted from each market's impact model without
   * trading, after the fee.
   */
  private double bookCloseValue(MarginAccount a) {
    double v = 0;
    for (CollateralTerms c : markets.collateral) {
      v += ledger.units(a.id, c.asset()) * markets.oraclePrice(c.asset());
    }
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        SharedMarket m = services.markets().market(markets.assets.get(i));
        Execution quote = m.impactModel().execute(m.price(), m.fundamental(), -a.size(i));
        v +=
            a.size(i) * (quote.averagePrice() - a.entry(i)) - quote.value() * spec.liquidationFee();
      }
    }
    return v;
  }
}
