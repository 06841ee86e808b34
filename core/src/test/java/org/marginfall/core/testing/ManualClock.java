package org.marginfall.core.testing;

import org.marginfall.core.event.SimClock;

/**
 * A {@link SimClock} that a test sets by hand, for components used outside a run. Starts at step 0,
 * round 0. Mutable and not thread-safe.
 */
public final class ManualClock implements SimClock {

  private long step;
  private int round;

  /** Sets the tick and the liquidation round. */
  public ManualClock at(long newStep, int newRound) {
    this.step = newStep;
    this.round = newRound;
    return this;
  }

  @Override
  public long step() {
    return step;
  }

  @Override
  public int round() {
    return round;
  }
}
