package org.marginfall.core.metric;

import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

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
    checkSteps(steps);
    Checks.positive(stepSeconds, "stepSeconds");
    Checks.positive(maxLiquidationRounds, "maxLiquidationRounds");
  }

  /**
   * The rule of a run's length: 1 to {@link #MAX_STEPS} ticks.
   *
   * @throws FieldException at {@code steps} when it is not
   */
  public static void checkSteps(long steps) {
    if (steps < 1) {
      throw new FieldException("steps", "must be >= 1, was " + steps);
    }
    if (steps > MAX_STEPS) {
      throw new FieldException(
          "steps",
          "must be at most "
              + MAX_STEPS
              + " (docs/scenarios.md: for a longer horizon, lengthen stepSeconds), was "
              + steps);
    }
  }

  /** The same settings with another seed. */
  public RunSettings withSeed(long newSeed) {
    return new RunSettings(steps, stepSeconds, maxLiquidationRounds, newSeed);
  }
}
