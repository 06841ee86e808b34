package org.marginfall.core.market;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.venue.VenueId;

/**
 * The shared liquidity of one asset, which every venue's liquidations trade against.
 *
 * <p>The market price is the fundamental price displaced by the price impact still in the market:
 * {@code P = F * e^I}. Trades add to {@code I}; resilience pulls it back towards zero with a
 * half-life, {@code I <- I * 2^(-1/halfLife)} per step (transient impact as in Obizhaeva and Wang
 * (2013), J. Financial Markets 16:1-32). This is the fire-sale channel: a sale driven by one venue
 * moves the price every other venue's oracle reads.
 *
 * <p>The impact is kept in parts: the part of trades outside any liquidation, and one part per
 * {@link Source} (venue and generation of the liquidation that traded). All parts decay at the same
 * rate, so they always sum to {@code I} and the move each venue's cascade caused can be removed in
 * a counterfactual. With the common-market channel closed the market is segregated: a liquidation's
 * impact stays in its own venue's book ({@link #priceFor}), and the common price carries only the
 * untagged part.
 *
 * <p>Market makers quote part of the depth and may withdraw it: each quoter (a population) sets a
 * depth factor in (0, 1], and the impact model trades with its depth multiplied by the product of
 * the quoters' factors, taken in quoter-name order (each quoter removes a share of the depth the
 * others leave, so the product stays in (0, 1]). Mutable and not thread-safe.
 */
public final class SharedMarket {

  private final AssetId asset;
  private final ImpactModel impact;
  private final double decayPerStep;
  private final SortedMap<Source, Double> tagged = new TreeMap<>();
  private final SortedMap<String, Double> depthFactors = new TreeMap<>();
  private ImpactModel effective;
  private double depthFactor = 1.0;
  private double fundamental;
  private double logImpact;
  private double untagged;
  private boolean segregated;
  private long changes;

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
    this.decayPerStep =
        Double.isInfinite(halfLifeSteps) ? 1.0 : StrictMath.pow(0.5, 1.0 / halfLifeSteps);
    this.fundamental = fundamental;
    this.effective = impact;
  }

  /** The traded asset. */
  public AssetId asset() {
    return asset;
  }

  /**
   * The impact model trades execute with: the scenario's, its depth scaled by {@link #depthFactor}.
   */
  public ImpactModel impactModel() {
    return effective;
  }

  /** The impact model of the scenario, before any quoter withdrew depth. */
  public ImpactModel baseImpactModel() {
    return impact;
  }

  /**
   * Sets the share of the depth {@code quoter} leaves in the market, in (0, 1] (1: all it quotes is
   * there), and recomputes the effective depth.
   *
   * @return the market's depth factor after the change
   */
  public double setDepthFactor(String quoter, double factor) {
    Objects.requireNonNull(quoter, "quoter");
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("depthFactor: must be in (0, 1], was " + factor);
    }
    depthFactors.put(quoter, factor);
    double product = 1.0;
    for (double f : depthFactors.values()) {
      product *= f;
    }
    depthFactor = product;
    effective = impact.withDepthFactor(product);
    return product;
  }

  /**
   * The effective depth over the scenario's depth: the product of the quoters' factors (1 without
   * quoters).
   */
  public double depthFactor() {
    return depthFactor;
  }

  /** Sets the fundamental price (the exogenous phase does this every step). */
  public void setFundamental(double price) {
    this.fundamental = price;
  }

  /** Lets a step's worth of impact decay. */
  public void decay() {
    logImpact *= decayPerStep;
    untagged *= decayPerStep;
    tagged.replaceAll((k, v) -> v * decayPerStep);
    changes++;
  }

  /** Keeps each venue's liquidation impact in its own book (the common-market channel closed). */
  public void segregate() {
    this.segregated = true;
  }

  /** Whether each venue's liquidation impact stays in its own book. */
  public boolean segregated() {
    return segregated;
  }

  /** The fundamental price. */
  public double fundamental() {
    return fundamental;
  }

  /** The market price. */
  public double price() {
    return fundamental * StrictMath.exp(logImpact());
  }

  /**
   * The price {@code venue} trades and is marked at: the market price, or in a segregated market
   * the common price displaced by that venue's own liquidation impact.
   */
  public double priceFor(VenueId venue) {
    if (!segregated) {
      return price();
    }
    double i = untagged;
    for (Map.Entry<Source, Double> e : tagged.entrySet()) {
      if (e.getKey().venue().equals(venue)) {
        i += e.getValue();
      }
    }
    return fundamental * StrictMath.exp(i);
  }

  /** The log displacement of the market price from the fundamental. */
  public double logImpact() {
    return segregated ? untagged : logImpact;
  }

  /** The log impact still in the market from each source's liquidation trades, in source order. */
  public SortedMap<Source, Double> components() {
    return Collections.unmodifiableSortedMap(tagged);
  }

  /**
   * A counter that changes whenever {@link #components} may have changed (a trade, decay), so
   * callers can reuse what they derived from them between changes.
   */
  public long changes() {
    return changes;
  }

  /** Executes a trade of {@code units} (positive buy, negative sell) outside any liquidation. */
  public Execution execute(double units) {
    return execute(units, null);
  }

  /**
   * Executes a trade of {@code units} (positive buy, negative sell) and moves the price; the move
   * is booked to {@code source}, or to the untagged part when null.
   */
  public Execution execute(double units, Source source) {
    double before = quote(source);
    Execution e = effective.execute(before, fundamental, units);
    double move;
    if (segregated) {
      move = StrictMath.log(e.priceAfter() / before);
    } else {
      // The total stays exactly what the impact model says; the parts only split it.
      double total = StrictMath.log(e.priceAfter() / fundamental);
      move = total - logImpact;
      logImpact = total;
    }
    if (source == null) {
      untagged += move;
    } else {
      tagged.merge(source, move, Double::sum);
    }
    changes++;
    return e;
  }

  /** The price a trade booked to {@code source} starts from. */
  public double quote(Source source) {
    return source == null ? price() : priceFor(source.venue());
  }
}
