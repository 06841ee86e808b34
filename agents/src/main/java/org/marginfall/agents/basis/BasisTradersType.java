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

  private static final String[] FIELDS = {
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
    "unwindHealthFactor"
  };

  @Override
  public String name() {
    return BasisTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    VenueSpec lending = lendingVenue(node, context);
    VenueSpec perp = perpVenue(node, context);
    AssetId asset = context.assetRef(node, "asset");
    checkAsset(node, asset, lending, perp);
    int count = node.integer("count", 1, 10_000_000);
    Distribution units = amount(node, "units");
    AssetId marginAsset = marginAsset(node, context, perp);
    Distribution margin = amount(node, "margin");
    double borrowLtv = node.fraction("borrowLtv", 0);
    boolean borrowToTopUp = node.bool("borrowToTopUp", false);
    checkBorrowing(node, context, lending, borrowLtv, borrowToTopUp);
    Distribution reserve =
        node.has("reserve") ? amount(node, "reserve") : new Distribution.Constant(0);
    double topUpBelow = node.positive("topUpBelow", 1.5);
    double topUpTo = node.positive("topUpTo", 2.0);
    double unwindPerpHealth = node.positive("unwindPerpHealth", 1.1);
    double unwindHealthFactor = node.positive("unwindHealthFactor", 1.1);
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new BasisTradersSpec(
                id,
                lending.id(),
                perp.id(),
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

  /** The {@code lendingVenue} reference; null after a failure or when it is not a lending venue. */
  private static VenueSpec lendingVenue(SpecNode node, SpecContext context) {
    VenueSpec lending = context.venueRef(node, "lendingVenue");
    if (lending != null && (lending.listsPerpetuals() || lending.issuedAssets().isEmpty())) {
      node.get("lendingVenue")
          .fail(
              "venue '" + lending.id() + "' is a " + lending.type() + " venue, not a lending one");
      return null;
    }
    return lending;
  }

  /** The {@code perpVenue} reference; null after a failure or when it lists no perpetuals. */
  private static VenueSpec perpVenue(SpecNode node, SpecContext context) {
    VenueSpec perp = context.venueRef(node, "perpVenue");
    if (perp != null && !perp.listsPerpetuals()) {
      node.get("perpVenue")
          .fail("venue '" + perp.id() + "' is a " + perp.type() + " venue, not a perpetual one");
      return null;
    }
    return perp;
  }

  /** The asset must be collateral on the lending venue and a market on the perpetual one. */
  private static void checkAsset(SpecNode node, AssetId asset, VenueSpec lending, VenueSpec perp) {
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
  }

  /**
   * The {@code marginAsset}, the base currency unless given; the perpetual venue must accept it.
   */
  private static AssetId marginAsset(SpecNode node, SpecContext context, VenueSpec perp) {
    AssetId marginAsset =
        node.has("marginAsset") ? context.assetRef(node, "marginAsset") : context.baseCurrency();
    if (marginAsset != null
        && perp != null
        && !marginAsset.equals(context.baseCurrency())
        && !perp.collateralAssets().contains(marginAsset)) {
      node.get("marginAsset")
          .fail("venue '" + perp.id() + "' does not accept " + marginAsset + " as collateral");
    }
    return marginAsset;
  }

  /** Borrowing (at entry or to top up) needs a lending venue that lends the base currency. */
  private static void checkBorrowing(
      SpecNode node,
      SpecContext context,
      VenueSpec lending,
      double borrowLtv,
      boolean borrowToTopUp) {
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
  }

  private static Distribution amount(SpecNode node, String field) {
    Distribution d = DistributionReader.read(node.get(field));
    if (d != null && d.lowerBound() < 0) {
      node.get(field).fail("must not produce negative amounts");
    }
    return d;
  }
}
