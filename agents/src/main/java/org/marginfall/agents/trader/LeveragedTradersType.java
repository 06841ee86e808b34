package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: leveraged-traders} populations; {@code markets} may list asset ids (equal
 * weights) or {@code {asset, weight}} entries. Stateless and thread-safe.
 */
public final class LeveragedTradersType implements PopulationType {

  private static final String[] FIELDS = {
    "id",
    "type",
    "venue",
    "markets",
    "count",
    "collateralAsset",
    "collateral",
    "leverage",
    "longShare",
    "stopLoss",
    "takeProfit",
    "topUp",
    "panic"
  };

  @Override
  public String name() {
    return LeveragedTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
    }
    List<MarketWeight> markets = readMarkets(node, context, venue);
    int count = node.integer("count", 1, 10_000_000);
    AssetId collateralAsset = collateralAsset(node, context, venue);
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    Distribution leverage = DistributionReader.read(node.get("leverage"));
    if (leverage != null && !LeveragedTradersSpec.onlyPositive(leverage)) {
      node.get("leverage")
          .fail("must only produce values > 0 (use a uniform, lognormal or constant)");
    }
    double longShare = node.fraction("longShare", 1.0);
    TraderRisk risk = readRisk(node);
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new LeveragedTradersSpec(
                id,
                venue.id(),
                markets,
                count,
                collateralAsset,
                collateral,
                leverage,
                longShare,
                risk));
  }

  /**
   * The {@code markets} the population trades, each once and listed by the venue; an entry with a
   * problem is reported and left out.
   */
  private static List<MarketWeight> readMarkets(
      SpecNode node, SpecContext context, VenueSpec venue) {
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
        m.fail(
            "venue '"
                + venue.id()
                + "' lists no market for "
                + asset
                + " (lists: "
                + SpecContext.declared(venue.tradableAssets())
                + ")");
      } else if (!seen.add(asset)) {
        m.fail("market " + asset + " is named twice");
      } else if (!Double.isNaN(weight)) {
        markets.add(new MarketWeight(asset, weight));
      }
    }
    return markets;
  }

  /** The {@code collateralAsset}, the base currency unless given; the venue must accept it. */
  private static AssetId collateralAsset(SpecNode node, SpecContext context, VenueSpec venue) {
    AssetId collateralAsset =
        node.has("collateralAsset")
            ? context.assetRef(node, "collateralAsset")
            : context.baseCurrency();
    if (collateralAsset != null
        && venue != null
        && !collateralAsset.equals(context.baseCurrency())
        && !venue.collateralAssets().contains(collateralAsset)) {
      node.get("collateralAsset")
          .fail("venue '" + venue.id() + "' does not accept " + collateralAsset + " as collateral");
    }
    return collateralAsset;
  }

  /** Reads the optional risk fields; null after a reported failure. */
  static TraderRisk readRisk(SpecNode node) {
    Problems.Mark mark = node.mark();
    double stopLoss = node.nonNegative("stopLoss", 0);
    if (stopLoss >= 1) {
      node.get("stopLoss").fail("must be below 1 (a fraction of the entry mark), was " + stopLoss);
    }
    double takeProfit = node.nonNegative("takeProfit", 0);
    Optional<TopUp> topUp = Optional.empty();
    if (node.has("topUp") && node.get("topUp").requireObject()) {
      SpecNode t = node.get("topUp");
      t.allowOnly("reserve", "below", "target");
      Distribution reserve = DistributionReader.read(t.get("reserve"));
      if (reserve != null && reserve.lowerBound() < 0) {
        t.get("reserve").fail("must not produce negative amounts");
      }
      double below = t.positive("below", 1.5);
      double target = t.positive("target", 2.0);
      if (mark.clean()) {
        topUp = Optional.ofNullable(t.build(() -> new TopUp(reserve, below, target)));
      }
    }
    Optional<Panic> panic = Optional.empty();
    if (node.has("panic") && node.get("panic").requireObject()) {
      SpecNode p = node.get("panic");
      p.allowOnly("drawdown", "liquidations", "lookbackSteps", "reduceFraction");
      double drawdown = p.fraction("drawdown", 0);
      long liquidations = p.longValue("liquidations", 0);
      int lookback = p.integer("lookbackSteps", 5, 1, 1_000_000);
      double reduceFraction = p.positive("reduceFraction", 1.0);
      if (drawdown == 0 && liquidations == 0 && mark.clean()) {
        p.fail("needs a drawdown or a liquidations trigger (> 0)");
      }
      if (mark.clean()) {
        panic =
            Optional.ofNullable(
                p.build(() -> new Panic(drawdown, liquidations, lookback, reduceFraction)));
      }
    }
    if (mark.failed()) {
      return null;
    }
    Optional<TopUp> t = topUp;
    Optional<Panic> pn = panic;
    return node.build(() -> new TraderRisk(stopLoss, takeProfit, t, pn));
  }
}
