package org.marginfall.core.oracle;

import java.util.Collection;
import org.marginfall.core.asset.AssetId;

/**
 * A venue's record of the ticks in which its {@link StalenessGuard} held a liquidation back, each
 * tick counted once however many accounts it held.
 *
 * <p>Mutable and not thread-safe: one per venue.
 */
public final class StalePauses {

  private final StalenessGuard guard;
  private long pausedSteps;
  private long lastPausedStep = -1;

  /** Creates the record for {@code guard}. */
  public StalePauses(StalenessGuard guard) {
    this.guard = guard;
  }

  /** Whether the guard holds back a liquidation that needs {@code assets} at tick {@code now}. */
  public boolean pauses(Oracles oracles, OracleId oracle, Collection<AssetId> assets, long now) {
    boolean paused = guard.pauses(oracles, oracle, assets, now);
    if (paused && now != lastPausedStep) {
      lastPausedStep = now;
      pausedSteps++;
    }
    return paused;
  }

  /** Ticks in which a liquidation was held back. */
  public long pausedSteps() {
    return pausedSteps;
  }

  /** Whether the guard is on (the venue then reports the count). */
  public boolean enabled() {
    return guard.maxAgeSteps() > 0;
  }
}
