package org.marginfall.agents.basis;

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
 * Reads {@code type: basis-traders} populations. A lending venue is recognised by issuing receipts
 * and listing no perpetuals, as {@code VenueSpec} has no lending flag. Stateless and thread-safe.
 */
public final class BasisTradersType implements PopulationType {

  @Override
  public String name() {
    return BasisTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "lendingVenue",
        "perpVenue",
        "asset",
        "count",
        "units",
        "marginAsset",
        "margin",
        "borrowLtv",
        "reserve",
        "topUpBelow",
        "topUpTo",
        "borrowToTopUp",
        "unwindPerpHealth",
        "unwindHealthFactor");
    String id = node.id("id");
    VenueSpec lending = context.venueRef(node, "lendingVenue");
    if (lending != null && (lending.listsPerpetuals() || lending.issuedAssets().isEmpty())) {
      node.get("lendingVenue")
          .fail(
              "venue '" + lending.id() + "' is a " + lending.type() + " venue, not a lending one");
      lending = null;
    }
    VenueSpec perp = context.venueRef(node, "perpVenue");
    if (perp != null && !perp.listsPerpetuals()) {
      node.get("perpVenue")
          .fail("venue '" + perp.id() + "' is a " + perp.type() + " venue, not a perpetual one");
      perp = null;
    }
    AssetId asset = context.assetRef(node, "asset");
    if (asset != null && lending != null && !lending.collateralAssets().contains(asset)) {
      node.get("asset")
          .fail(
              "venue '"
                  + lending.id()
                  + "' takes no "
                  + asset
                  + " as collateral (takes: "
                  + SpecContext.declared(lending.collateralAssets())
                  + ")");
    }
    if (asset != null && perp != null && !perp.tradableAssets().contains(asset)) {
      node.get("asset")
          .fail(
              "venue '"
                  + perp.id()
                  + "' lists no market for "
                  + asset
                  + " (lists: "
                  + SpecContext.declared(perp.tradableAssets())
                  + ")");
    }
    int count = node.integer("count", 1, 10_000_000);
    Distribution units = amount(node, "units");
    AssetId marginAsset =
        node.has("marginAsset") ? context.assetRef(node, "marginAsset") : context.baseCurrency();
    if (marginAsset != null
        && perp != null
        && !marginAsset.equals(context.baseCurrency())
        && !perp.collateralAssets().contains(marginAsset)) {
      node.get("marginAsset")
          .fail("venue '" + perp.id() + "' does not accept " + marginAsset + " as collateral");
    }
    Distribution margin = amount(node, "margin");
    double borrowLtv = node.fraction("borrowLtv", 0);
    boolean borrowToTopUp = node.bool("borrowToTopUp", false);
    if ((borrowLtv > 0 || borrowToTopUp)
        && lending != null
        && !lending.tradableAssets().contains(context.baseCurrency())) {
      node.get(borrowLtv > 0 ? "borrowLtv" : "borrowToTopUp")
          .fail(
              "venue '"
                  + lending.id()
                  + "' does not lend the base currency "
                  + context.baseCurrency());
    }
    Distribution reserve =
        node.has("reserve") ? amount(node, "reserve") : new Distribution.Constant(0);
    double topUpBelow = node.positive("topUpBelow", 1.5);
    double topUpTo = node.positive("topUpTo", 2.0);
    double unwindPerpHealth = node.positive("unwindPerpHealth", 1.1);
    double unwindHealthFactor = node.positive("unwindHealthFactor", 1.1);
    if (mark.failed()) {
      return null;
    }
    VenueSpec l = lending;
    VenueSpec p = perp;
    return node.build(
        () ->
            new BasisTradersSpec(
                id,
                l.id(),
                p.id(),
                asset,
                count,
                units,
                marginAsset,
                margin,
                borrowLtv,
                reserve,
                topUpBelow,
                topUpTo,
                borrowToTopUp,
                unwindPerpHealth,
                unwindHealthFactor));
  }

  private static Distribution amount(SpecNode node, String field) {
    Distribution d = DistributionReader.read(node.get(field));
    if (d != null && d.lowerBound() < 0) {
      node.get(field).fail("must not produce negative amounts");
    }
    return d;
  }
}
