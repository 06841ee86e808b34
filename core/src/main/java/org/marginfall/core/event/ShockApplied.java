package org.marginfall.core.event;

/**
 * A scheduled shock moved an asset's fundamental price in this tick.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param asset the asset
 * @param factor the multiplier applied to the fundamental
 * @param shock the shock's index in the scenario
 */
public record ShockApplied(long step, int round, String asset, double factor, int shock)
    implements SimEvent {

  @Override
  public String type() {
    return "shock";
  }
}
