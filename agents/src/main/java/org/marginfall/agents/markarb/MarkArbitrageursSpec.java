package org.marginfall.agents.markarb;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of arbitrageurs between a perpetual venue's mark price and the reference (shared)
 * market of the same asset.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue whose mark is the reference
 * @param asset the asset (listed by the venue, traded in a shared market)
 * @param count number of arbitrageurs
 * @param capital base currency each starts with (distribution, >= 0)
 * @param cost round-trip cost as a fraction of the mark: the gap must exceed it, in [0, 1)
 * @param maxPerStep base currency each trades per step at most (> 0)
 * @param slices orders a full step's budget is split into, re-checking the gap after each (>= 1)
 */
public record MarkArbitrageursSpec(
    String id,
    VenueId venue,
    AssetId asset,
    int count,
    Distribution capital,
    double cost,
    double maxPerStep,
    int slices)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "mark-arbitrageurs";

  /** Validates the fields. */
  public MarkArbitrageursSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(asset, "asset");
    Checks.positive(count, "count");
    Objects.requireNonNull(capital, "capital");
    if (!(capital.lowerBound() >= 0)) {
      throw new IllegalArgumentException("capital: must not produce negative amounts");
    }
    if (!(cost >= 0 && cost < 1)) {
      throw new IllegalArgumentException("cost: must be in [0, 1), was " + cost);
    }
    Checks.positive(maxPerStep, "maxPerStep");
    Checks.positive(slices, "slices");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new MarkArbitrageurs(this, streams.stream("agents/" + id));
  }
}
