package org.marginfall.agents.lending;

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

/** Reads {@code type: lending-borrowers} populations. Stateless and thread-safe. */
public final class LendingBorrowersType implements PopulationType {

  @Override
  public String name() {
    return LendingBorrowersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "venue", "count", "collateralAsset", "collateral", "debtAsset", "targetLtv");
    String id = node.id("id");
    VenueSpec venue = LendingVenueRefs.venue(node, context);
    int count = node.integer("count", 1, 10_000_000);
    AssetId collateralAsset =
        LendingVenueRefs.asset(
            node,
            "collateralAsset",
            context,
            venue,
            venue == null ? Set.of() : venue.collateralAssets(),
            "collateral ");
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    AssetId debtAsset =
        LendingVenueRefs.asset(
            node,
            "debtAsset",
            context,
            venue,
            venue == null ? Set.of() : venue.tradableAssets(),
            "borrowable ");
    Distribution targetLtv = DistributionReader.read(node.get("targetLtv"));
    if (targetLtv != null && !(targetLtv.lowerBound() >= 0 && targetLtv.upperBound() <= 1)) {
      node.get("targetLtv")
          .fail("must only produce values in [0, 1] (use a uniform, triangular or constant)");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new LendingBorrowersSpec(
                id, venue.id(), count, collateralAsset, collateral, debtAsset, targetLtv));
  }
}
