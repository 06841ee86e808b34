package org.marginfall.core.engine;

import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The MASON model: a {@link SimState} that owns the run's {@link World} and schedules exactly one
 * {@link Steppable} per {@link Phase}, at the phase's ordinal as its ordering.
 *
 * <p>One steppable per ordering means MASON's shuffle of same-time, same-ordering steppables (which
 * draws from {@code SimState.random}) never happens, and the model draws nothing from {@code
 * SimState.random}: all randomness comes from named streams. Mutable and not thread-safe.
 */
public final class MarginfallModel extends SimState {

  private static final long serialVersionUID = 1L;

  private final transient World world;

  /** Creates the model around {@code world}. */
  public MarginfallModel(World world) {
    super(world.settings().seed());
    this.world = world;
  }

  @Override
  public void start() {
    super.start();
    world.setUp();
    for (Phase phase : Phase.values()) {
      schedule.scheduleRepeating(
          Schedule.EPOCH + 1,
          phase.ordinal(),
          (Steppable) state -> world.runPhase(phase, tick()),
          1.0);
    }
  }

  @Override
  public void finish() {
    super.finish();
    world.finish();
  }

  /** The world. */
  public World world() {
    return world;
  }

  private long tick() {
    return (long) schedule.getTime();
  }
}
