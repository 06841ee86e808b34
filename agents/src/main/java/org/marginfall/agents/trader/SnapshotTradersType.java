package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.agents.snapshot.PerpRow;
import org.marginfall.agents.snapshot.Snapshots;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads {@code type: perpetual-snapshot} populations: accounts and positions loaded from a file
 * (docs/scenarios.md, "Position snapshots"), with the same optional rules as leveraged traders.
 * Stateless and thread-safe.
 */
public final class SnapshotTradersType implements PopulationType {

  @Override
  public String name() {
    return SnapshotTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    List<String> fields =
        new ArrayList<>(List.of("id", "type", "venue", "stopLoss", "takeProfit", "topUp", "panic"));
    fields.addAll(Snapshots.FIELDS);
    node.allowOnly(fields.toArray(String[]::new));
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && !venue.listsPerpetuals()) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
      venue = null;
    }
    TraderRisk risk = LeveragedTradersType.readRisk(node);
    Snapshots.Loaded<PerpRow> loaded =
        mark.failed() ? null : Snapshots.perpetual(node, context, venue);
    if (mark.failed() || loaded == null) {
      return null;
    }
    VenueSpec v = venue;
    return node.build(
        () -> new SnapshotTradersSpec(id, v.id(), loaded.file(), loaded.rows(), risk));
  }
}
