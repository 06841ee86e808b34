package org.marginfall.core.event;

/**
 * An oracle published a new price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param oracle the oracle
 * @param asset the asset
 * @param price the published price
 * @param previous the price it replaces
 * @param reason why: deviation, heartbeat, min-answer, max-answer, lagging, wrong-value;
 *     band-refused and frozen record a value that was not published (price equals previous)
 */
public record OracleUpdated(
    long step, int round, String oracle, String asset, double price, double previous, String reason)
    implements SimEvent {

  @Override
  public String type() {
    return "oracle_update";
  }
}
