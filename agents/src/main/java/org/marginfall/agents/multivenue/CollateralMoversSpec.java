package org.marginfall.agents.multivenue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Traders with positions on several perpetual venues who move margin from their healthiest account
 * to defend their weakest, with a transfer latency (contagion channel 4, docs/contagion.md "The
 * five channels").
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param count number of members
 * @param legs the venues each member trades on, one position each, on distinct venues
 * @param defendBelow an account whose health is below this is defended
 * @param targetHealth the health a transfer aims to restore on arrival (>= defendBelow)
 * @param keepHealth the source keeps at least this health (>= 1), and never less than its initial
 *     margin
 * @param latencySteps ticks between withdrawal and deposit (0: the same round)
 */
public record CollateralMoversSpec(
    String id,
    int count,
    List<Leg> legs,
    double defendBelow,
    double targetHealth,
    double keepHealth,
    int latencySteps)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "collateral-movers";

  /** Validates the fields. */
  public CollateralMoversSpec {
    Checks.id(id, "id");
    Checks.positive(count, "count");
    legs = List.copyOf(legs);
    if (legs.size() < 2) {
      throw new IllegalArgumentException("legs: must name at least two venues");
    }
    Set<VenueId> venues = new HashSet<>();
    for (Leg l : legs) {
      if (!venues.add(l.venue())) {
        throw new IllegalArgumentException("legs: venue " + l.venue() + " is named twice");
      }
    }
    Checks.positive(defendBelow, "defendBelow");
    if (!(targetHealth >= defendBelow)) {
      throw new IllegalArgumentException(
          "targetHealth: must be >= defendBelow (" + defendBelow + "), was " + targetHealth);
    }
    if (!(keepHealth >= 1)) {
      throw new IllegalArgumentException("keepHealth: must be >= 1, was " + keepHealth);
    }
    Checks.nonNegative(latencySteps, "latencySteps");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new CollateralMovers(this, streams.stream("agents/" + id));
  }
}
