package org.marginfall.core.market;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * The shared liquidity of one asset, which every venue's liquidations trade against.
 *
 * <p>The market price is the fundamental price displaced by the price impact still in the market:
 * {@code P = F * e^I}. Trades add to {@code I}; resilience pulls it back towards zero with a
 * half-life, {@code I <- I * 2^(-1/halfLife)} per step (transient impact as in Obizhaeva and Wang
 * (2013), J. Financial Markets 16:1-32). This is the fire-sale channel: a sale driven by one venue
 * moves the price every other venue's oracle reads. Mutable and not thread-safe.
 */
public final class SharedMarket {

  private final AssetId asset;
  private final ImpactModel impact;
  private final double decayPerStep;
  private double fundamental;
  private double logImpact;

  /**
   * Creates the market.
   *
   * @param asset the traded asset
   * @param impact how trades move the price
   * @param halfLifeSteps steps for half of the impact to decay; infinity for permanent impact
   * @param fundamental the initial fundamental price
   */
  public SharedMarket(AssetId asset, ImpactModel impact, double halfLifeSteps, double fundamental) {
    this.asset = Objects.requireNonNull(asset);
    this.impact = Objects.requireNonNull(impact);
    if (!(halfLifeSteps > 0)) {
      throw new IllegalArgumentException("halfLifeSteps: must be > 0, was " + halfLifeSteps);
    }
    this.decayPerStep = Double.isInfinite(halfLifeSteps) ? 1.0 : StrictMath.pow(0.5, 1.0 / halfLifeSteps);
    this.fundamental = fundamental;
  }

  /** The traded asset. */
  public AssetId asset() {
    return asset;
  }

  /** The impact model. */
  public ImpactModel impactModel() {
    return impact;
  }

  /** Sets the fundamental price (the exogenous phase does this every step). */
  public void setFundamental(double price) {
    this.fundamental = price;
  }

  /** Lets a step's worth of impact decay. */
  public void decay() {
    logImpact *= decayPerStep;
  }

  /** The fundamental price. */
  public double fundamental() {
    return fundamental;
  }

  /** The market price. */
  public double price() {
    return fundamental * StrictMath.exp(logImpact);
  }

  /** The log displacement of the market price from the fundamental. */
  public double logImpact() {
    return logImpact;
  }

  /** Executes a trade of {@code units} (positive buy, negative sell) and moves the price. */
  public Execution execute(double units) {
    Execution e = impact.execute(price(), fundamental, units);
    logImpact = StrictMath.log(e.priceAfter() / fundamental);
    return e;
  }
}
