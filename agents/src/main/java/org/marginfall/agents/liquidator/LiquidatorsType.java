package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code type: liquidators} populations. Stateless and thread-safe.
 */
public final class LiquidatorsType implements PopulationType {

  @Override
  public String name() {
    return LiquidatorsSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    int mark = node.problems().count();
    node.allowOnly("id", "type", "count", "capital", "venues", "maxPerRound", "minAuctionDiscount");
    String id = node.id("id");
    int count = node.integer("count", 1, 1_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    List<VenueId> venues = new ArrayList<>();
    SpecNode list = node.get("venues");
    if (!list.isMissing()) {
      for (SpecNode v : list.elements()) {
        VenueSpec venue = context.venueRef(v);
        if (venue != null) {
          venues.add(venue.id());
        }
      }
    }
    int maxPerRound = node.integer("maxPerRound", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    double discount = node.fraction("minAuctionDiscount", LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    if (discount == 1) {
      node.get("minAuctionDiscount").fail("must be below 1, was " + discount);
    }
    if (node.problems().since(mark)) {
      return null;
    }
    return node.build(() -> new LiquidatorsSpec(id, count, capital, venues, maxPerRound, discount));
  }

}
