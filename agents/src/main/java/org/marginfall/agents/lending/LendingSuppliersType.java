package org.marginfall.agents.lending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

/** Reads {@code type: lending-suppliers} populations. Stateless and thread-safe. */
public final class LendingSuppliersType implements PopulationType {

  @Override
  public String name() {
    return LendingSuppliersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly("id", "type", "venue", "count", "supplies");
    String id = node.id("id");
    VenueSpec venue = LendingVenueRefs.venue(node, context);
    int count = node.integer("count", 1, 10_000_000);
    List<SupplyAmount> supplies = new ArrayList<>();
    Set<AssetId> seen = new HashSet<>();
    for (SpecNode s : node.list("supplies")) {
      if (!s.requireObject()) {
        continue;
      }
      s.allowOnly("asset", "amount");
      AssetId asset =
          LendingVenueRefs.asset(
              s,
              "asset",
              context,
              venue,
              venue == null ? Set.of() : LendingVenueRefs.reserves(venue),
              "");
      Distribution amount = DistributionReader.read(s.get("amount"));
      if (amount != null && amount.lowerBound() < 0) {
        s.get("amount").fail("must not produce negative amounts");
      } else if (asset != null && !seen.add(asset)) {
        s.get("asset").fail(asset + " is named twice");
      } else if (asset != null && amount != null) {
        supplies.add(new SupplyAmount(asset, amount));
      }
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(() -> new LendingSuppliersSpec(id, venue.id(), count, supplies));
  }
}
