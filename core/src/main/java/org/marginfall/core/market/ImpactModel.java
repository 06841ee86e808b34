package org.marginfall.core.market;

import org.marginfall.core.util.Checks;

/**
 * How a trade moves the market price, as a displacement of the log price.
 *
 * <p>Open to plug-ins (docs/extending.md): a new model implements {@link #execute} and {@link
 * #withDepthFactor} and is read by its {@code spec.ImpactModelType}. Every implementation is
 * immutable and thread-safe.
 */
public interface ImpactModel {

  /**
   * The thinnest market a scenario may declare: one unit of base currency moves its log price by 1.
   */
  double MIN_DEPTH = 1;

  /**
   * How far buying may raise a market's log price above its fundamental: ln(1,000). Units bought
   * beyond it fill at {@code 1,000 F}, where the outside market sells any quantity, so a forced
   * buy-back in a thin market costs at most 1,000 times its fundamental value, within the ledger's
   * headroom of 1,024 (docs/scenarios.md, markets).
   */
  double MAX_LOG_IMPACT = StrictMath.log(1e3);

  /**
   * How far selling may push a market's log price below its fundamental: ln(10^-9). Units sold
   * beyond it fill at {@code 10^-9 F}, where the outside market buys any quantity. A sale's
   * proceeds are bounded by the depth whatever the price; the floor keeps the price a positive
   * number every formula can divide by, where {@code e^I} would otherwise round to zero.
   */
  double MIN_LOG_IMPACT = StrictMath.log(1e-9);

  /** The registry name of the model in scenario files. */
  String name();

  /**
   * Executes a trade of {@code units} (positive buy, negative sell) starting at {@code price}.
   *
   * @param price the market price before the trade
   * @param fundamental the fundamental price, which scales depth from notional to units
   * @param units the signed quantity
   */
  Execution execute(double price, double fundamental, double units);

  /**
   * This model with its depth multiplied by {@code depthFactor} in (0, 1]: the depth market makers
   * still quote after withdrawing part of it. A model without depth is unaffected.
   */
  ImpactModel withDepthFactor(double depthFactor);

  /**
   * Linear impact in log price: trading notional V moves {@code ln P} by {@code V / depth}.
   *
   * <p>With {@code k = fundamental / depth} per unit, a sale of q units ends at {@code P e^(-k q)}
   * and earns {@code P (1 - e^(-k q)) / k}; a buy ends at {@code P e^(k q)} and costs {@code P
   * (e^(k q) - 1) / k}. Source: the log-linear ("exponential") inverse demand used for fire sales
   * by Cifuentes, Ferrucci and Shin (2005), JEEA 3:556-566, and Caccioli et al. (2014), JBF
   * 46:233-245. The price stays between {@code F e^MIN_LOG_IMPACT} and {@code F e^MAX_LOG_IMPACT}:
   * the units a trade still has to fill when the price reaches that floor (a sale) or cap (a buy)
   * fill there.
   *
   * @param depth base-currency notional that moves the log price by 1
   */
  record LinearLog(double depth) implements ImpactModel {
    /** Validates the depth. */
    public LinearLog {
      Checks.positive(depth, "depth");
    }

    @Override
    public String name() {
      return "linear-log";
    }

    /**
     * Effective depth {@code depth * depthFactor}: the log move of a trade scales by {@code 1 /
     * depthFactor}.
     */
    @Override
    public ImpactModel withDepthFactor(double depthFactor) {
      checkFactor(depthFactor);
      return depthFactor == 1.0 ? this : new LinearLog(depth * depthFactor);
    }

    @Override
    public Execution execute(double price, double fundamental, double units) {
      if (units == 0) {
        return new Execution(0, 0, price, price);
      }
      double k = fundamental / depth;
      double kq = k * Math.abs(units);
      if (units < 0) {
        double floor = fundamental * StrictMath.exp(MIN_LOG_IMPACT);
        double room = price > floor ? StrictMath.log(price / floor) : 0;
        if (kq <= room) {
          double proceeds = -price * StrictMath.expm1(-kq) / k;
          return new Execution(units, proceeds, price, price * StrictMath.exp(-kq));
        }
        // The book runs down to the floor; the rest sells there.
        double atFloor = Math.min(price, floor);
        double proceeds = (price - atFloor) / k + (Math.abs(units) - room / k) * atFloor;
        return new Execution(units, proceeds, price, atFloor);
      }
      double cap = fundamental * StrictMath.exp(MAX_LOG_IMPACT);
      double room = price < cap ? StrictMath.log(cap / price) : 0;
      if (kq <= room) {
        double cost = price * StrictMath.expm1(kq) / k;
        return new Execution(units, cost, price, price * StrictMath.exp(kq));
      }
      // The book runs up to the cap; the rest is bought there.
      double atCap = Math.max(price, cap);
      double cost = (atCap - price) / k + (units - room / k) * atCap;
      return new Execution(units, cost, price, atCap);
    }
  }

  /**
   * Linear impact in price: trading notional V, valued at the fundamental, moves the price by
   * {@code F V / depth}, so a sale's return is {@code -V / depth} whatever trades came before it.
   * Source: the linear price impact of Greenwood, Landier and Thesmar (2015), J. Financial
   * Economics 115:471-485, with {@code 1 / depth} their impact per dollar {@code l}. With {@code k
   * = F^2 / depth} per unit, q units sold from price P end at {@code P - k q} and earn {@code q (P
   * + (P - k q)) / 2}; a buy ends at {@code P + k q} and costs {@code q (P + (P + k q)) / 2}. The
   * price stays between the same floor and cap as {@link LinearLog}; units left when it reaches
   * them fill there.
   *
   * @param depth base-currency notional (at the fundamental) that moves the price by the
   *     fundamental
   */
  record Linear(double depth) implements ImpactModel {
    /** Validates the depth. */
    public Linear {
      Checks.positive(depth, "depth");
    }

    @Override
    public String name() {
      return "linear";
    }

    /** Effective depth {@code depth * depthFactor}. */
    @Override
    public ImpactModel withDepthFactor(double depthFactor) {
      checkFactor(depthFactor);
      return depthFactor == 1.0 ? this : new Linear(depth * depthFactor);
    }

    @Override
    public Execution execute(double price, double fundamental, double units) {
      if (units == 0) {
        return new Execution(0, 0, price, price);
      }
      double k = fundamental * fundamental / depth;
      double q = Math.abs(units);
      if (units < 0) {
        double floor = fundamental * StrictMath.exp(MIN_LOG_IMPACT);
        double room = price > floor ? (price - floor) / k : 0;
        if (q <= room) {
          double after = price - k * q;
          return new Execution(units, q * (price + after) / 2, price, after);
        }
        double atFloor = Math.min(price, floor);
        return new Execution(
            units, room * (price + atFloor) / 2 + (q - room) * atFloor, price, atFloor);
      }
      double cap = fundamental * StrictMath.exp(MAX_LOG_IMPACT);
      double room = price < cap ? (cap - price) / k : 0;
      if (q <= room) {
        double after = price + k * q;
        return new Execution(units, q * (price + after) / 2, price, after);
      }
      double atCap = Math.max(price, cap);
      return new Execution(units, room * (price + atCap) / 2 + (q - room) * atCap, price, atCap);
    }
  }

  /** No impact: every trade fills at the current price (the "impact off" counterfactual). */
  record None() implements ImpactModel {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public ImpactModel withDepthFactor(double depthFactor) {
      checkFactor(depthFactor);
      return this;
    }

    @Override
    public Execution execute(double price, double fundamental, double units) {
      return new Execution(units, price * Math.abs(units), price, price);
    }
  }

  private static void checkFactor(double depthFactor) {
    if (!(depthFactor > 0 && depthFactor <= 1)) {
      throw new IllegalArgumentException("depthFactor: must be in (0, 1], was " + depthFactor);
    }
  }
}
