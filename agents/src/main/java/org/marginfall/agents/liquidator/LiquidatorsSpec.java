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
 * A population of capital-limited liquidators (docs/agents.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param count number of liquidators
 * @param capital base currency each starts with
 * @param venues the venues they serve; empty means all
 * @param maxPerRound most actions (liquidations and auction takes) one liquidator executes per
 *     round
 * @param minAuctionDiscount the discount to the market price an auction price must offer before a
 *     liquidator bids: it takes when {@code auctionPrice <= marketPrice * (1 - minAuctionDiscount)}
 * @param behaviour latency, costs, profit floor, venue choice, competition and inventory
 */
public record LiquidatorsSpec(
    String id,
    int count,
    Distribution capital,
    List<VenueId> venues,
    int maxPerRound,
    double minAuctionDiscount,
    LiquidatorBehaviour behaviour)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "liquidators";

  /**
   * The default {@link #minAuctionDiscount}: 2%, a margin over the price impact and fees a keeper
   * pays to sell what it bought.
   */
  public static final double DEFAULT_MIN_AUCTION_DISCOUNT = 0.02;

  /** Liquidators with the default auction discount and the default behaviour. */
  public LiquidatorsSpec(
      String id, int count, Distribution capital, List<VenueId> venues, int maxPerRound) {
    this(id, count, capital, venues, maxPerRound, DEFAULT_MIN_AUCTION_DISCOUNT);
  }

  /** Liquidators with the default behaviour. */
  public LiquidatorsSpec(
      String id,
      int count,
      Distribution capital,
      List<VenueId> venues,
      int maxPerRound,
      double minAuctionDiscount) {
    this(id, count, capital, venues, maxPerRound, minAuctionDiscount, LiquidatorBehaviour.DEFAULT);
  }

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
    if (!(minAuctionDiscount >= 0 && minAuctionDiscount < 1)) {
      throw new IllegalArgumentException(
          "minAuctionDiscount: must be in [0, 1), was " + minAuctionDiscount);
    }
    Objects.requireNonNull(behaviour, "behaviour");
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
