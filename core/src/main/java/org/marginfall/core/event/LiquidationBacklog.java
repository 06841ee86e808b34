package org.marginfall.core.event;

/**
 * Accounts a venue still reports liquidatable when a tick's liquidation rounds end: the work its
 * liquidators (or its own engine) could not get through, for want of capital, throughput, profit or
 * rounds. Emitted once per venue and tick, only when the backlog is not empty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the last liquidation round run in the tick
 * @param venue the venue
 * @param accounts accounts still liquidatable
 * @param shortfall sum over those accounts of {@code maintenanceRequirement - equity}, base
 *     currency, as the venue marked them in the last round
 */
public record LiquidationBacklog(long step, int round, String venue, int accounts, double shortfall)
    implements SimEvent {

  @Override
  public String type() {
    return "liquidation_backlog";
  }
}
