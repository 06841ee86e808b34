package org.marginfall.core.metric;

import org.marginfall.core.util.Checks;

/**
 * How long a run lasts and how finely it is cut.
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps number of ticks, 1 to {@link #MAX_STEPS}
 * @param stepSeconds simulated seconds per tick
 * @param maxLiquidationRounds most risk-and-liquidation rounds within one tick
 * @param seed the master seed (a scenario default; the CLI may override it)
 */
public record RunSettings(long steps, double stepSeconds, int maxLiquidationRounds, long seed) {

  /**
   * The most ticks a run may have. A run writes one row of {@code timeseries.csv} per tick (about
   * half a kilobyte for the bundled flash-crash) and its report holds every row in memory, so a
   * million ticks already make a file and a heap of about half a gigabyte, and minutes of run time;
   * a million one-minute ticks are almost two years (docs/scenarios.md).
   */
  public static final long MAX_STEPS = 1_000_000;

  /** The longest step a scenario may ask for: one year, the unit of every annualised rate. */
  public static final double MAX_STEP_SECONDS = 31_536_000;

  /** Validates the settings. */
  public RunSettings {
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "steps: must be between 1 and " + MAX_STEPS + ", was " + steps);
    }
    Checks.positive(stepSeconds, "stepSeconds");
    Checks.positive(maxLiquidationRounds, "maxLiquidationRounds");
  }

  /** The same settings with another seed. */
  public RunSettings withSeed(long newSeed) {
    return new RunSettings(steps, stepSeconds, maxLiquidationRounds, newSeed);
  }
}
