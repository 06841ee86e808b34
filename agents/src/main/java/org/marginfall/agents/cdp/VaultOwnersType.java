package org.marginfall.agents.cdp;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: vault-owners} populations. Stateless and thread-safe. */
public final class VaultOwnersType implements PopulationType {

  @Override
  public String name() {
    return VaultOwnersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly("id", "type", "venue", "count", "ilk", "collateral", "targetRatio");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    int count = node.integer("count", 1, 10_000_000);
    AssetId ilk = context.assetRef(node, "ilk");
    if (venue != null && ilk != null && !venue.collateralAssets().contains(ilk)) {
      node.get("ilk")
          .fail(
              "venue '"
                  + venue.id()
                  + "' has no vaults for "
                  + ilk
                  + " (accepts: "
                  + SpecContext.declared(venue.collateralAssets())
                  + ")");
    }
    Distribution collateral = DistributionReader.read(node.get("collateral"));
    if (collateral != null && collateral.lowerBound() < 0) {
      node.get("collateral").fail("must not produce negative amounts");
    }
    Distribution ratio = DistributionReader.read(node.get("targetRatio"));
    if (ratio != null && !(ratio.lowerBound() > 1)) {
      node.get("targetRatio")
          .fail("must only produce values above 1 (use a uniform, triangular or constant)");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(() -> new VaultOwnersSpec(id, venue.id(), count, ilk, collateral, ratio));
  }
}
