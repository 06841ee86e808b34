package org.marginfall.core.market;

import org.marginfall.core.util.Checks;

/**
 * How a trade moves the market price, as a displacement of the log price.
 *
 * <p>Every implementation is immutable and thread-safe.
 */
public sealed interface ImpactModel permits ImpactModel.LinearLog, ImpactModel.None {

  /** The thinnest market a scenario may declare: one unit of base currency moves its log price by 1. */
  double MIN_DEPTH = 1;

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
   * and earns {@code P (1 - e^(-k q)) / k}; a buy ends at {@code P e^(k q)} and costs {@code P (e^(k
   * q) - 1) / k}. Source: the log-linear ("exponential") inverse demand used for fire sales by
   * Cifuentes, Shin and Ferrara (2005), JEEA 3:556-566, and Caccioli et al. (2014), JBF 46:233-245.
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

    /** Effective depth {@code depth * depthFactor}: the log move of a trade scales by {@code 1 / depthFactor}. */
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
        double proceeds = -price * StrictMath.expm1(-kq) / k;
        return new Execution(units, proceeds, price, price * StrictMath.exp(-kq));
      }
      double cost = price * StrictMath.expm1(kq) / k;
      return new Execution(units, cost, price, price * StrictMath.exp(kq));
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
