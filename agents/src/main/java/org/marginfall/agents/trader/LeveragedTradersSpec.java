package org.marginfall.agents.trader;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of directional leveraged traders on one perpetual venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue they trade on
 * @param markets the markets each trader holds, with notional weights
 * @param count number of traders
 * @param collateralAsset the asset they post as collateral
 * @param collateral units of collateral per trader
 * @param leverage notional over margin-counted equity, capped at the venue's maximum
 * @param longShare probability that a trader is long (otherwise short)
 * @param risk stop-loss, take-profit, top-up and panic rules ({@link TraderRisk#NONE}: hold)
 */
public record LeveragedTradersSpec(
    String id,
    VenueId venue,
    List<MarketWeight> markets,
    int count,
    AssetId collateralAsset,
    Distribution collateral,
    Distribution leverage,
    double longShare,
    TraderRisk risk)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "leveraged-traders";

  /** Validates the fields. */
  public LeveragedTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    markets = List.copyOf(markets);
    if (markets.isEmpty()) {
      throw new IllegalArgumentException("markets: must name at least one market");
    }
    Checks.positive(count, "count");
    Objects.requireNonNull(collateralAsset, "collateralAsset");
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(leverage, "leverage");
    if (!(collateral.lowerBound() >= 0)) {
      throw new IllegalArgumentException("collateral: must not produce negative amounts");
    }
    if (!onlyPositive(leverage)) {
      throw new IllegalArgumentException("leverage: must only produce values > 0");
    }
    Checks.fraction(longShare, "longShare");
    Objects.requireNonNull(risk, "risk");
  }

  /** Traders who hold their positions (no exits, top-up or panic). */
  public LeveragedTradersSpec(
      String id,
      VenueId venue,
      List<MarketWeight> markets,
      int count,
      AssetId collateralAsset,
      Distribution collateral,
      Distribution leverage,
      double longShare) {
    this(
        id,
        venue,
        markets,
        count,
        collateralAsset,
        collateral,
        leverage,
        longShare,
        TraderRisk.NONE);
  }

  /**
   * Whether every value {@code d} can produce is {@code > 0}: its lower bound is positive, or it is
   * 0 and never attained, as for the log-normal and exponential families, which are positive on
   * their whole support.
   */
  public static boolean onlyPositive(Distribution d) {
    double low = d.lowerBound();
    return low > 0
        || (low == 0
            && (d instanceof Distribution.LogNormal || d instanceof Distribution.Exponential));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new LeveragedTraders(this, streams.stream("agents/" + id));
  }
}
