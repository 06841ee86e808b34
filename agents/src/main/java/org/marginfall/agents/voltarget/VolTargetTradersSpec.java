package org.marginfall.agents.voltarget;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of volatility-targeting traders on one perpetual market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue
 * @param market the perpetual market they hold
 * @param count number of traders
 * @param collateral base currency each deposits (>= 0)
 * @param targetVol annualised volatility of the position they aim for (> 0)
 * @param lambda EWMA decay of the squared log returns, in (0, 1)
 * @param initialVol annualised volatility the estimate starts from (> 0)
 * @param maxLeverage the most notional over equity they hold (> 0; the venue's limit also applies)
 * @param band relative deviation of notional from target that triggers a rebalance, in [0, 1)
 * @param longShare probability that a trader is long
 * @param stepsPerYear steps in a year: 31,536,000 / the run's stepSeconds
 */
public record VolTargetTradersSpec(
    String id,
    VenueId venue,
    AssetId market,
    int count,
    Distribution collateral,
    double targetVol,
    double lambda,
    double initialVol,
    double maxLeverage,
    double band,
    double longShare,
    double stepsPerYear)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "vol-target-traders";

  /** Validates the fields. */
  public VolTargetTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(market, "market");
    Checks.positive(count, "count");
    Objects.requireNonNull(collateral, "collateral");
    if (!(collateral.lowerBound() >= 0)) {
      throw new IllegalArgumentException("collateral: must not produce negative amounts");
    }
    Checks.positive(targetVol, "targetVol");
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda: must be in (0, 1), was " + lambda);
    }
    Checks.positive(initialVol, "initialVol");
    Checks.positive(maxLeverage, "maxLeverage");
    if (!(band >= 0 && band < 1)) {
      throw new IllegalArgumentException("band: must be in [0, 1), was " + band);
    }
    Checks.fraction(longShare, "longShare");
    Checks.positive(stepsPerYear, "stepsPerYear");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new VolTargetTraders(this, streams.stream("agents/" + id));
  }
}
