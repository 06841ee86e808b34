package org.marginfall.experiments.internal.plugin.kinds;

import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;

/**
 * A test plug-in's impact model: every trade pays a fixed half-spread and moves no price, so a
 * market with it stays at its fundamental.
 *
 * @param halfSpread the fraction of the price paid on top of it (buy) or given up (sell)
 */
public record HalfSpreadImpact(double halfSpread) implements ImpactModel {

  @Override
  public String name() {
    return "half-spread";
  }

  @Override
  public Execution execute(double price, double fundamental, double units) {
    double q = Math.abs(units);
    double fill = units > 0 ? price * (1 + halfSpread) : price * (1 - halfSpread);
    return new Execution(units, q * fill, price, price);
  }

  @Override
  public ImpactModel withDepthFactor(double depthFactor) {
    return this;
  }
}
