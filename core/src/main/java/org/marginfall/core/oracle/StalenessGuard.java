package org.marginfall.core.oracle;

import java.util.Collection;
import java.util.Locale;
import org.marginfall.core.asset.AssetId;

/**
 * A venue's rule for stale oracle prices: a feed last published more than {@code maxAgeSteps} ticks
 * ago is stale, and the venue either pauses liquidations that need it or goes on and counts them.
 *
 * <p>Source: Chainlink's guidance to check a feed's {@code updatedAt} against its heartbeat before
 * use, and Aave v3's {@code PriceOracleSentinel}, which holds liquidations back while prices cannot
 * be trusted (aave-v3-origin ValidationLogic; docs/sources.md). {@code maxAgeSteps = 0} turns the
 * guard off. Immutable and thread-safe.
 *
 * @param maxAgeSteps the oldest publication, in ticks, the venue acts on; 0 for no limit
 * @param action what the venue does with a stale feed
 */
public record StalenessGuard(long maxAgeSteps, Action action) {

  /** What a venue does when a feed it needs is stale. */
  public enum Action {
    /** Refuse to liquidate until the feed is fresh again. */
    PAUSE,
    /** Liquidate on the stale price. */
    IGNORE;

    /** The scenario-file name. */
    public String scenarioName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** No limit. */
  public static final StalenessGuard OFF = new StalenessGuard(0, Action.PAUSE);

  /** Validates the fields. */
  public StalenessGuard {
    if (maxAgeSteps < 0) {
      throw new IllegalArgumentException("maxOracleAgeSteps: must be >= 0, was " + maxAgeSteps);
    }
    if (action == null) {
      throw new IllegalArgumentException("onStale: is required");
    }
  }

  /** Whether any of {@code assets} on {@code oracle} is stale at tick {@code now}. */
  public boolean stale(Oracles oracles, OracleId oracle, Collection<AssetId> assets, long now) {
    if (maxAgeSteps == 0) {
      return false;
    }
    for (AssetId a : assets) {
      if (now - oracles.publishedStep(oracle, a, now) > maxAgeSteps) {
        return true;
      }
    }
    return false;
  }

  /** Whether the venue must hold back a liquidation that needs {@code assets}. */
  public boolean pauses(Oracles oracles, OracleId oracle, Collection<AssetId> assets, long now) {
    return action == Action.PAUSE && stale(oracles, oracle, assets, now);
  }
}
