package org.marginfall.agents.cdp;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Keepers of a CDP venue's debt (flop) auctions, who pay its fixed bid for the smallest lot of the
 * minted asset they value above that bid (docs/agents.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the CDP venue with debt auctions
 * @param count bidding keepers
 * @param capital base currency each keeper starts with
 * @param margin each keeper's discount to the minted asset's market price, in [0, 1)
 */
public record FlopKeepersSpec(
    String id, VenueId venue, int count, Distribution capital, Distribution margin)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "flop-keepers";

  /** The metrics {@link FlopKeepers#metrics()} reports, in its order. */
  public static final List<String> METRICS =
      List.of("bidsLanded", "gemWon", "gemBid", "baseSpent", "priceWon");

  /** Validates the fields. */
  public FlopKeepersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Checks.positive(count, "count");
    Objects.requireNonNull(capital, "capital");
    Objects.requireNonNull(margin, "margin");
    if (capital.lowerBound() < 0) {
      throw new IllegalArgumentException("capital: must not produce negative amounts");
    }
    if (!(margin.lowerBound() >= 0 && margin.upperBound() < 1)) {
      throw new IllegalArgumentException("margin: must produce values in [0, 1)");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new FlopKeepers(this, streams.stream("agents/" + id));
  }

  @Override
  public List<String> metricNames() {
    return METRICS;
  }
}
