package org.marginfall.agents.marketmaker;

import org.marginfall.core.event.AssetSeriesEvent;
import org.marginfall.core.event.VenueEvent;

/**
 * A market-maker population changed the depth it quotes in a shared market. The event's venue is
 * the market's outside account {@code market/<asset>}: makers quote a market, not a venue. It sets
 * the {@code depth_factor.<asset>} column of {@code timeseries.csv} to {@code depthFactor}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick (0: set-up)
 * @param round the liquidation round (always 0: makers act in the arbitrage phase)
 * @param venue {@code market/<asset>}
 * @param population the market-maker population
 * @param asset the market's asset
 * @param volatility the population's annualised realised-volatility estimate
 * @param populationFactor the share of the depth this population leaves, in (0, 1]
 * @param depthFactor the market's effective depth over its scenario depth, all quoters together
 */
public record DepthQuoted(
    long step,
    int round,
    String venue,
    String population,
    String asset,
    double volatility,
    double populationFactor,
    double depthFactor)
    implements VenueEvent, AssetSeriesEvent {

  @Override
  public String series() {
    return "depth_factor";
  }

  @Override
  public double seriesValue() {
    return depthFactor;
  }

  @Override
  public String type() {
    return "depth_quoted";
  }
}
