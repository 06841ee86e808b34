package org.example.marginfall;

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
 * A population of long traders who de-risk after a drawdown.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue
 * @param market the perpetual market they go long
 * @param count number of traders
 * @param collateral base currency each deposits (>= 0)
 * @param leverage notional over collateral each opens (> 0; the venue's limits also apply)
 * @param drawdown fall of equity from its peak, as a fraction of the peak, that makes a trader cut,
 *     in (0, 1]
 * @param cut share of the position a trader closes then, in (0, 1]
 */
public record DrawdownTradersSpec(
    String id,
    VenueId venue,
    AssetId market,
    int count,
    Distribution collateral,
    double leverage,
    double drawdown,
    double cut)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "drawdown-traders";

  /** Validates the fields. */
  public DrawdownTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(market, "market");
    Checks.positive(count, "count");
    Objects.requireNonNull(collateral, "collateral");
    if (!(collateral.lowerBound() >= 0)) {
      throw new IllegalArgumentException("collateral: must not produce negative amounts");
    }
    Checks.positive(leverage, "leverage");
    if (!(drawdown > 0 && drawdown <= 1)) {
      throw new IllegalArgumentException("drawdown: must be in (0, 1], was " + drawdown);
    }
    if (!(cut > 0 && cut <= 1)) {
      throw new IllegalArgumentException("cut: must be in (0, 1], was " + cut);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new DrawdownTraders(this, streams.stream("agents/" + id));
  }

  @Override
  public List<String> metricNames() {
    return DrawdownTraders.METRICS;
  }
}
