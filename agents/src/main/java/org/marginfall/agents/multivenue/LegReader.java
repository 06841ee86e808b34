package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/**
 * Reads the {@code legs} list of a multi-venue population: {@code {venue, market, margin, leverage,
 * longShare}}, and for pooled traders also {@code weight} and {@code cap}. Stateless and
 * thread-safe.
 */
final class LegReader {

  private LegReader() {}

  /**
   * The legs, or null entries left out after a problem (reported at its path).
   *
   * @param pooled whether {@code weight} and {@code cap} are allowed
   */
  static List<Leg> read(SpecNode node, SpecContext context, boolean pooled) {
    List<Leg> legs = new ArrayList<>();
    Set<VenueId> seen = new HashSet<>();
    for (SpecNode l : node.list("legs")) {
      Problems.Mark mark = l.mark();
      if (pooled) {
        l.allowOnly("venue", "market", "margin", "leverage", "longShare", "weight", "cap");
      } else {
        l.allowOnly("venue", "market", "margin", "leverage", "longShare");
      }
      VenueSpec venue = context.venueRef(l, "venue");
      if (venue != null && !venue.listsPerpetuals()) {
        l.get("venue")
            .fail(
                "venue '" + venue.id() + "' is a " + venue.type() + " venue, not a perpetual one");
      } else if (venue != null && !seen.add(venue.id())) {
        l.get("venue").fail("venue '" + venue.id() + "' is named by another leg");
      }
      AssetId market = context.assetRef(l, "market");
      if (venue != null && market != null && !venue.tradableAssets().contains(market)) {
        l.get("market")
            .fail(
                "venue '"
                    + venue.id()
                    + "' lists no market for "
                    + market
                    + " (lists: "
                    + SpecContext.declared(venue.tradableAssets())
                    + ")");
      }
      Distribution margin = DistributionReader.read(l.get("margin"));
      if (margin != null && margin.lowerBound() < 0) {
        l.get("margin").fail("must not produce negative amounts");
      }
      Distribution leverage = DistributionReader.read(l.get("leverage"));
      if (leverage != null && !Leg.onlyPositive(leverage)) {
        l.get("leverage")
            .fail("must only produce values > 0 (use a uniform, lognormal or constant)");
      }
      double longShare = l.fraction("longShare", 1.0);
      double weight = pooled ? l.positive("weight", 1.0) : 1.0;
      double cap = pooled ? l.positive("cap", Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
      if (mark.failed()) {
        continue;
      }
      Leg leg =
          l.build(() -> new Leg(venue.id(), market, margin, leverage, longShare, weight, cap));
      if (leg != null) {
        legs.add(leg);
      }
    }
    if (!node.get("legs").isMissing() && node.get("legs").elements().size() < 2) {
      node.get("legs").fail("must name at least two venues");
    }
    return legs;
  }
}
