package org.marginfall.core.engine;

import org.marginfall.core.util.Checks;

/**
 * How long a run lasts and how finely it is cut.
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps number of ticks
 * @param stepSeconds simulated seconds per tick
 * @param maxLiquidationRounds most risk-and-liquidation rounds within one tick
 * @param seed the master seed (a scenario default; the CLI may override it)
 */
public record RunSettings(long steps, double stepSeconds, int maxLiquidationRounds, long seed) {

  /** The most steps a scenario may ask for (a run of more would not finish in reasonable time). */
  public static final long MAX_STEPS = 100_000_000L;

  /** The longest step a scenario may ask for: one year, the unit of every annualised rate. */
  public static final double MAX_STEP_SECONDS = 31_536_000;

  /** Validates the settings. */
  public RunSettings {
    if (steps < 1) {
      throw new IllegalArgumentException("steps: must be >= 1, was " + steps);
    }
    Checks.positive(stepSeconds, "stepSeconds");
    Checks.positive(maxLiquidationRounds, "maxLiquidationRounds");
  }

  /** The same settings with another seed. */
  public RunSettings withSeed(long newSeed) {
    return new RunSettings(steps, stepSeconds, maxLiquidationRounds, newSeed);
  }
}
