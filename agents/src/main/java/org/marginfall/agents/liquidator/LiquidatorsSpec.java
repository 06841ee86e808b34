package org.marginfall.agents.liquidator;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of capital-limited liquidators.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param count number of liquidators
 * @param capital base currency each starts with
 * @param venues the venues they serve; empty means all
 * @param maxPerRound most liquidations one liquidator executes per round
 */
public record LiquidatorsSpec(
    String id, int count, Distribution capital, List<VenueId> venues, int maxPerRound)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "liquidators";

  /** Validates the fields. */
  public LiquidatorsSpec {
    Checks.id(id, "id");
    Checks.positive(count, "count");
    Objects.requireNonNull(capital, "capital");
    if (!(capital.lowerBound() >= 0)) {
      throw new IllegalArgumentException("capital: must not produce negative amounts");
    }
    venues = List.copyOf(venues);
    Checks.positive(maxPerRound, "maxPerRound");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new Liquidators(this, streams.stream("agents/" + id));
  }
}
