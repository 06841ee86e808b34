package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueSpec;

/**
 * Everything a run is built from, validated and immutable: assets and their price processes,
 * correlations, markets, oracles, shocks, venues, populations and run settings.
 *
 * <p>This is the resolved form of a scenario file; tests build it directly. Immutable and
 * thread-safe.
 *
 * @param settings run length and seed
 * @param baseCurrency the unit of account, one of {@code assets}
 * @param assets all assets, in scenario order
 * @param prices the fundamental process of every spot asset
 * @param correlation correlation matrix of the spot assets' diffusions, in {@code spotAssets()}
 *     order
 * @param markets one shared market per spot asset
 * @param oracles the oracles
 * @param shocks scheduled fundamental moves
 * @param venues the venues, in scenario order
 * @param populations the agent populations, in scenario order
 * @param channels the contagion channels open in this run
 */
public record ModelSpec(
    RunSettings settings,
    AssetId baseCurrency,
    List<Asset> assets,
    Map<AssetId, PriceProcessSpec> prices,
    double[][] correlation,
    List<MarketSpec> markets,
    List<OracleSpec> oracles,
    List<PriceShock> shocks,
    List<VenueSpec> venues,
    List<PopulationSpec> populations,
    ChannelSwitches channels) {

  /** A model with every contagion channel open. */
  public ModelSpec(
      RunSettings settings,
      AssetId baseCurrency,
      List<Asset> assets,
      Map<AssetId, PriceProcessSpec> prices,
      double[][] correlation,
      List<MarketSpec> markets,
      List<OracleSpec> oracles,
      List<PriceShock> shocks,
      List<VenueSpec> venues,
      List<PopulationSpec> populations) {
    this(
        settings,
        baseCurrency,
        assets,
        prices,
        correlation,
        markets,
        oracles,
        shocks,
        venues,
        populations,
        ChannelSwitches.ALL_OPEN);
  }

  /** Validates that the parts agree with each other. */
  public ModelSpec {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    assets = List.copyOf(assets);
    prices = Map.copyOf(prices);
    markets = List.copyOf(markets);
    oracles = List.copyOf(oracles);
    shocks = List.copyOf(shocks);
    venues = List.copyOf(venues);
    populations = List.copyOf(populations);
    Objects.requireNonNull(channels, "channels");
    correlation = copy(correlation);
    Set<AssetId> ids = new HashSet<>();
    for (Asset a : assets) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("assets: duplicate asset " + a.id());
      }
    }
    if (assets.stream().noneMatch(a -> a.id().equals(baseCurrency) && a.kind() == AssetKind.BASE)) {
      throw new IllegalArgumentException("baseCurrency: must be an asset of kind base");
    }
    List<AssetId> spot = spot(assets);
    for (AssetId s : spot) {
      if (!prices.containsKey(s)) {
        throw new IllegalArgumentException("prices: no price process for spot asset " + s);
      }
    }
    String square = "correlation: must be " + spot.size() + " x " + spot.size();
    Set<AssetId> issued = new HashSet<>();
    for (VenueSpec v : venues) {
      for (AssetId a : v.issuedAssets()) {
        if (assets.stream().noneMatch(x -> x.id().equals(a) && x.kind() == AssetKind.DERIVED)) {
          throw new IllegalArgumentException(
              "venues: " + v.id() + " issues " + a + ", which is not a declared derived asset");
        }
        if (!issued.add(a)) {
          throw new IllegalArgumentException(
              "venues: derived asset " + a + " has more than one issuer");
        }
      }
    }
    for (Asset a : assets) {
      if (a.kind() == AssetKind.DERIVED && !issued.contains(a.id())) {
        throw new IllegalArgumentException(
            "assets: derived asset " + a.id() + " is issued by no venue");
      }
    }
    if (correlation.length != spot.size()) {
      throw new IllegalArgumentException(square);
    }
    for (double[] row : correlation) {
      if (row.length != spot.size()) {
        throw new IllegalArgumentException(square);
      }
    }
    Set<AssetId> spotIds = new HashSet<>(spot);
    for (MarketSpec m : markets) {
      // A derived asset's market is a secondary market around its issuer's NAV.
      if (!spotIds.contains(m.asset()) && !issued.contains(m.asset())) {
        throw new IllegalArgumentException(
            "markets: " + m.asset() + " is not a spot or derived asset");
      }
    }
    for (PriceShock s : shocks) {
      if (!spotIds.contains(s.asset())) {
        throw new IllegalArgumentException("shocks: " + s.asset() + " is not a spot asset");
      }
    }
  }

  /** This model with the assets replaced by {@code newAssets} (the same ids, in the same order). */
  public ModelSpec withAssets(List<Asset> newAssets) {
    if (!newAssets.stream()
        .map(Asset::id)
        .toList()
        .equals(assets.stream().map(Asset::id).toList())) {
      throw new IllegalArgumentException("assets: the same ids in the same order");
    }
    return new ModelSpec(
        settings,
        baseCurrency,
        newAssets,
        prices,
        correlation,
        markets,
        oracles,
        shocks,
        venues,
        populations,
        channels);
  }

  /** The spot assets (those with a fundamental price and a market), in scenario order. */
  public List<AssetId> spotAssets() {
    return spot(assets);
  }

  @Override
  public double[][] correlation() {
    return copy(correlation);
  }

  private static List<AssetId> spot(List<Asset> assets) {
    List<AssetId> out = new ArrayList<>();
    for (Asset a : assets) {
      if (a.kind() == AssetKind.SPOT) {
        out.add(a.id());
      }
    }
    return out;
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
