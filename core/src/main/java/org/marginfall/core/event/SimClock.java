package org.marginfall.core.event;

/**
 * Read-only view of simulated time: the tick and the liquidation round within it.
 *
 * <p>Implementations are owned by the engine; this view is safe to share within one run.
 */
public interface SimClock {

  /** The current tick; 0 during set-up. */
  long step();

  /** The liquidation round within the tick (1-based), 0 outside the liquidation phase. */
  int round();
}
