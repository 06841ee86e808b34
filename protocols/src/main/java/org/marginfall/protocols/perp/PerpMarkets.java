package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;

/**
 * The perpetual venue's markets and collateral lines, each under the index every other part of the
 * venue uses for it, with their terms (margin fractions, tiers, haircuts, ledger columns and
 * precisions) and the prices the venue reads for them: the oracle, and the mark (the oracle, or
 * Binance's median mark over the {@link PriceHistory} that funding also keeps). It exists so that
 * the index of a market or a collateral line means the same thing everywhere, and the arrays the
 * hot loops read are built once.
 *
 * <p>The per-index columns are package-private final fields, read in place by the venue's parts.
 * Mutable (the price history) and not thread-safe.
 */
final class PerpMarkets {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final PricingTerms pricing;

  /** The base currency, collateral at face value. */
  final AssetId base;

  /** Each market's asset, by market index. */
  final List<AssetId> assets = new ArrayList<>();

  final double[] initialMargin;
  final double[] maintenanceMargin;
  final List<MarginTiers> tiers = new ArrayList<>();

  /** The collateral lines: the base currency first, then the spec's other collateral in order. */
  final List<CollateralTerms> collateral = new ArrayList<>();

  /** Each collateral line's asset's ledger index, in the order of {@link #collateral}. */
  final int[] collateralSlot;

  /** Each collateral line's asset's precision, in the order of {@link #collateral}. */
  final Precision[] collateralPrecision;

  /** Basis samples and funding rates, read by the median mark and by funding. */
  final PriceHistory history;

  PerpMarkets(PerpetualVenueSpec spec, VenueServices services) {
    this.spec = spec;
    this.services = services;
    this.pricing = spec.pricing();
    Ledger ledger = services.ledger();
    this.base = services.baseCurrency();
    int n = spec.markets().size();
    this.initialMargin = new double[n];
    this.maintenanceMargin = new double[n];
    this.history = new PriceHistory(spec.pricing(), n);
    for (int i = 0; i < n; i++) {
      PerpMarket m = spec.markets().get(i);
      assets.add(m.asset());
      initialMargin[i] = m.initialMargin();
      maintenanceMargin[i] = m.maintenanceMargin();
      tiers.add(new MarginTiers(m.tiers()));
    }
    // The base currency is always collateral at face value; an entry for it in the spec (which a
    // spec built in code may carry; the scenario reader drops it) must not add a second line.
    collateral.add(new CollateralTerms(base, 0));
    for (CollateralTerms c : spec.collateral()) {
      if (!c.asset().equals(base)) {
        collateral.add(c);
      }
    }
    this.collateralSlot = new int[collateral.size()];
    this.collateralPrecision = new Precision[collateral.size()];
    for (int k = 0; k < collateralSlot.length; k++) {
      collateralSlot[k] = ledger.assetIndexOf(collateral.get(k).asset());
      collateralPrecision[k] = ledger.precisionAt(collateralSlot[k]);
    }
  }

  /** The number of markets. */
  int count() {
    return assets.size();
  }

  /** The assets the venue accepts as collateral: the base currency, then the spec's. */
  Set<AssetId> collateralAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    out.add(base);
    out.addAll(spec.collateralAssets());
    return out;
  }

  /** The mark price of market {@code i}: the oracle, or Binance's median mark. */
  double markPrice(int i) {
    AssetId asset = assets.get(i);
    double index = oraclePrice(asset);
    if (pricing.markPrice() == MarkPriceRule.INDEX) {
      return index;
    }
    return history.medianMark(i, index, services.markets().priceFor(spec.id(), asset));
  }

  /** The venue's oracle price of {@code asset}. */
  double oraclePrice(AssetId asset) {
    return services.oracles().price(spec.oracle(), asset);
  }

  /**
   * Adds each market's mark less its oracle price to a snapshot's extras, as {@code
   * markBasis.<asset>}.
   */
  void addMarkBasis(Map<String, Double> extras) {
    for (int i = 0; i < count(); i++) {
      extras.put("markBasis." + assets.get(i).value(), markPrice(i) - oraclePrice(assets.get(i)));
    }
  }

  /**
   * The index of {@code market}.
   *
   * @throws IllegalArgumentException if the venue lists no market for it
   */
  int index(AssetId market) {
    int i = assets.indexOf(market);
    if (i < 0) {
      throw new IllegalArgumentException(spec.id() + " lists no market for " + market);
    }
    return i;
  }
}
