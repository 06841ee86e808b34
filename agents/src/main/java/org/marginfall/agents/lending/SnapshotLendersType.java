package org.marginfall.agents.lending;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marginfall.agents.snapshot.LendingRow;
import org.marginfall.agents.snapshot.Snapshots;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: lending-snapshot} populations (docs/scenarios.md, "Position snapshots").
 * Stateless and thread-safe.
 */
public final class SnapshotLendersType implements PopulationType {

  @Override
  public String name() {
    return SnapshotLendersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    List<String> fields = new ArrayList<>(List.of("id", "type", "venue", "names"));
    fields.addAll(Snapshots.FIELDS);
    node.allowOnly(fields.toArray(String[]::new));
    String id = node.id("id");
    VenueSpec venue = LendingVenueRefs.venue(node, context);
    Map<String, AssetId> names = Snapshots.names(node, context);
    Snapshots.Loaded<LendingRow> loaded =
        mark.failed() ? null : Snapshots.lending(node, context, venue, names);
    if (mark.failed() || loaded == null) {
      return null;
    }
    return node.build(() -> new SnapshotLendersSpec(id, venue.id(), loaded.file(), loaded.rows()));
  }
}
