package org.marginfall.agents.cdp;

import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/** Reads {@code type: flop-keepers} populations. Stateless and thread-safe. */
public final class FlopKeepersType implements PopulationType {

  @Override
  public String name() {
    return FlopKeepersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly("id", "type", "venue", "count", "capital", "margin");
    String id = node.id("id");
    VenueSpec venue = context.venueRef(node, "venue");
    // A venue with problems of its own ("invalid") is reported at its entry, not again here.
    if (venue != null && !"cdp".equals(venue.type()) && !"invalid".equals(venue.type())) {
      node.get("venue")
          .fail(
              "venue '"
                  + venue.id()
                  + "' is a "
                  + venue.type()
                  + " venue; flop keepers need a cdp venue");
    }
    int count = node.integer("count", 1, 1_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    Distribution margin = DistributionReader.read(node.get("margin"));
    if (margin != null && !(margin.lowerBound() >= 0 && margin.upperBound() < 1)) {
      node.get("margin").fail("must produce values in [0, 1)");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(() -> new FlopKeepersSpec(id, venue.id(), count, capital, margin));
  }
}
