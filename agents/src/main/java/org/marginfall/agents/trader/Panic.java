package org.marginfall.agents.trader;

/**
 * Panic and herding: a trader cuts its positions when its own drawdown, or the liquidations its
 * venues executed in the last {@code lookbackSteps} steps, reach a threshold. A trigger set to 0 is
 * off; at least one is on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param drawdown fall of the trader's value from its running peak that triggers a panic, in (0,
 *     1); 0: off
 * @param liquidations liquidations observed on the trader's venues within the lookback that trigger
 *     a panic (herding), >= 1; 0: off
 * @param lookbackSteps steps the liquidation count looks back over (>= 1)
 * @param reduceFraction fraction of each open position cut in every step the trigger holds, in (0,
 *     1]
 */
public record Panic(double drawdown, long liquidations, int lookbackSteps, double reduceFraction) {

  /** Validates the fields. */
  public Panic {
    if (!(drawdown >= 0 && drawdown < 1)) {
      throw new IllegalArgumentException("drawdown: must be in [0, 1), was " + drawdown);
    }
    if (liquidations < 0) {
      throw new IllegalArgumentException("liquidations: must be >= 0, was " + liquidations);
    }
    if (drawdown == 0 && liquidations == 0) {
      throw new IllegalArgumentException(
          "drawdown: a panic needs a drawdown or a liquidations trigger");
    }
    if (lookbackSteps < 1) {
      throw new IllegalArgumentException("lookbackSteps: must be >= 1, was " + lookbackSteps);
    }
    if (!(reduceFraction > 0 && reduceFraction <= 1)) {
      throw new IllegalArgumentException(
          "reduceFraction: must be in (0, 1], was " + reduceFraction);
    }
  }

  /** Whether the trader panics now: either trigger is on and reached. */
  public boolean triggered(double currentDrawdown, long recentLiquidations) {
    return (drawdown > 0 && currentDrawdown >= drawdown)
        || (liquidations > 0 && recentLiquidations >= liquidations);
  }
}
