package org.marginfall.agents.cdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marginfall.agents.snapshot.Snapshots;
import org.marginfall.agents.snapshot.VaultRow;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: cdp-snapshot} populations (docs/scenarios.md, "Position snapshots"). Stateless
 * and thread-safe.
 */
public final class SnapshotVaultsType implements PopulationType {

  @Override
  public String name() {
    return SnapshotVaultsSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    List<String> fields = new ArrayList<>(List.of("id", "type", "venue", "names", "rates"));
    fields.addAll(Snapshots.FIELDS);
    node.allowOnly(fields.toArray(String[]::new));
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null
        && (venue.listsPerpetuals()
            || !venue.tradableAssets().isEmpty()
            || venue.collateralAssets().isEmpty())) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a CDP one");
      venue = null;
    }
    Map<String, AssetId> names = Snapshots.names(node, context);
    Map<String, Double> rates = Snapshots.rates(node);
    VenueSpec v = venue;
    Snapshots.Loaded<VaultRow> loaded =
        mark.failed() ? null : Snapshots.vaults(node, context, v, names, rates);
    if (mark.failed() || loaded == null) {
      return null;
    }
    return node.build(() -> new SnapshotVaultsSpec(id, v.id(), loaded.file(), loaded.rows()));
  }
}
