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
 * Keepers of a CDP venue's Liquidations 1.0 flip auctions, whose bids land only while the gas price
 * is within their budget, and zero-bid bots whose budget always covers it (docs/agents.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the CDP venue with flip auctions
 * @param count bidding keepers
 * @param capital base currency each keeper starts with
 * @param gasBudget the highest gas price, in gwei, each keeper's transactions pay
 * @param margin the discount to the market price a keeper values collateral at, in [0, 1)
 * @param zeroBidders bots that bite unsafe vaults and bid the smallest amount (one base atom) in
 *     every auction without a bid, whatever the gas price
 * @param gas the gas price rule
 */
public record FlipKeepersSpec(
    String id,
    VenueId venue,
    int count,
    Distribution capital,
    Distribution gasBudget,
    double margin,
    int zeroBidders,
    GasPriceRule gas)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "flip-keepers";

  /** The metrics {@link FlipKeepers#metrics()} reports, in its order. */
  public static final List<String> METRICS =
      List.of(
          "gasPriceGwei",
          "bidsLanded",
          "bidsPricedOut",
          "zeroBids",
          "zeroBidCollateral",
          "zeroBidValue");

  /** Validates the fields. */
  public FlipKeepersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    if (count < 0) {
      throw new IllegalArgumentException("count: must be >= 0, was " + count);
    }
    if (zeroBidders < 0) {
      throw new IllegalArgumentException("zeroBidders: must be >= 0, was " + zeroBidders);
    }
    if (count + zeroBidders == 0) {
      throw new IllegalArgumentException(
          "count, zeroBidders: at least one keeper or bot is needed");
    }
    Objects.requireNonNull(capital, "capital");
    Objects.requireNonNull(gasBudget, "gasBudget");
    Objects.requireNonNull(gas, "gas");
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("margin: must be in [0, 1), was " + margin);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new FlipKeepers(this, streams.stream("agents/" + id));
  }

  @Override
  public List<String> metricNames() {
    return METRICS;
  }
}
