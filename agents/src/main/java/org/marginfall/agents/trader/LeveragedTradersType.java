package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: leveraged-traders} populations; {@code markets} may list asset ids (equal
 * weights) or {@code {asset, weight}} entries. Stateless and thread-safe.
 */
public final class LeveragedTradersType implements PopulationType {

  @Override
  public String name() {
    return LeveragedTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    int mark = node.problems().count();
    node.allowOnly(
        "id", "type", "venue", "markets", "count", "collateralAsset", "collateral", "leverage", "longShare");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue").fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
    }
    List<MarketWeight> markets = new ArrayList<>();
    Set<AssetId> seen = new HashSet<>();
    for (SpecNode m : node.list("markets")) {
      AssetId asset;
      double weight = 1;
      if (m.isObject()) {
        m.allowOnly("asset", "weight");
        asset = context.assetRef(m, "asset");
        weight = m.positive("weight", 1);
      } else {
        asset = context.assetRef(m);
      }
      if (asset == null) {
        continue;
      }
      if (venue != null && !venue.tradableAssets().contains(asset)) {
        m.fail("venue '" + venue.id() + "' lists no market for " + asset + " (lists: "
            + SpecContext.declared(venue.tradableAssets()) + ")");
      } else if (!seen.add(asset)) {
        m.fail("market " + asset + " is named twice");
      } else if (!Double.isNaN(weight)) {
        markets.add(new MarketWeight(asset, weight));
      }
    }
    int count = node.integer("count", 1, 10_000_000);
    AssetId collateralAsset =
        node.has("collateralAsset") ? context.assetRef(node, "collateralAsset") : context.baseCurrency();
    if (collateralAsset != null
        && venue != null
        && !collateralAsset.equals(context.baseCurrency())
        && !venue.collateralAssets().contains(collateralAsset)) {
      node.get("collateralAsset")
          .fail("venue '" + venue.id() + "' does not accept " + collateralAsset + " as collateral");
    }
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    Distribution leverage = DistributionReader.read(node.get("leverage"));
    if (leverage != null && !LeveragedTradersSpec.onlyPositive(leverage)) {
      node.get("leverage").fail("must only produce values > 0 (use a uniform, lognormal or constant)");
    }
    double longShare = node.fraction("longShare", 1.0);
    if (node.problems().since(mark)) {
      return null;
    }
    return node.build(
        () ->
            new LeveragedTradersSpec(
                id, venue.id(), markets, count, collateralAsset, collateral, leverage, longShare));
  }

}
