package org.marginfall.agents.manipulator;

import java.util.Set;
import org.marginfall.agents.depositor.LendingRefs;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: oracle-manipulator} populations. Stateless and thread-safe. */
public final class OracleManipulatorType implements PopulationType {

  @Override
  public String name() {
    return OracleManipulatorSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "venue",
        "asset",
        "debtAsset",
        "capital",
        "holding",
        "startStep",
        "pumpSteps",
        "waitSteps");
    String id = node.id("id");
    VenueSpec venue = LendingRefs.venue(node, "venue", context);
    AssetId asset =
        LendingRefs.asset(
            node,
            "asset",
            context,
            venue,
            venue == null ? Set.of() : venue.collateralAssets(),
            "collateral ");
    if (asset != null && context.asset(asset).map(Asset::kind).orElse(null) != AssetKind.SPOT) {
      node.get("asset")
          .fail(
              "must be a spot asset (the manipulator buys it in its shared market), was " + asset);
      asset = null;
    }
    AssetId debtAsset =
        node.has("debtAsset")
            ? LendingRefs.asset(
                node,
                "debtAsset",
                context,
                venue,
                venue == null ? Set.of() : venue.tradableAssets(),
                "borrowable ")
            : context.baseCurrency();
    if (!node.has("debtAsset") && venue != null && !venue.tradableAssets().contains(debtAsset)) {
      node.fail(
          "venue '"
              + venue.id()
              + "' does not lend the base currency "
              + debtAsset
              + ": name a debtAsset");
      debtAsset = null;
    }
    if (asset != null && asset.equals(debtAsset)) {
      node.get("debtAsset").fail("must differ from the pumped asset " + asset);
    }
    double capital = node.positive("capital");
    double holding = node.nonNegative("holding", 0);
    long startStep = node.longValue("startStep");
    if (node.has("startStep") && startStep < 1) {
      node.get("startStep").fail("must be >= 1, was " + startStep);
    }
    int pumpSteps = node.integer("pumpSteps", 1, 1, 1_000_000);
    int waitSteps = node.integer("waitSteps", 0, 0, 1_000_000);
    if (mark.failed()) {
      return null;
    }
    AssetId a = asset;
    AssetId d = debtAsset;
    return node.build(
        () ->
            new OracleManipulatorSpec(
                id, venue.id(), a, d, capital, holding, startStep, pumpSteps, waitSteps));
  }
}
