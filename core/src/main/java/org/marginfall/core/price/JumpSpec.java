package org.marginfall.core.price;

import org.marginfall.core.util.Checks;

/**
 * Merton jump component: Poisson arrivals, each jump log-normal in size.
 *
 * <p>Source: Merton (1976), "Option pricing when underlying stock returns are discontinuous", J.
 * Financial Economics 3:125-144. Immutable and thread-safe.
 *
 * @param intensityPerYear expected number of jumps per year
 * @param meanLogJump mean of the log of one jump's price factor
 * @param sdLogJump standard deviation of the log of one jump's price factor
 */
public record JumpSpec(double intensityPerYear, double meanLogJump, double sdLogJump) {

  /** The most jumps a year a scenario may expect. */
  public static final double MAX_INTENSITY = 10_000;

  /**
   * The largest mean (in magnitude) and standard deviation of a jump's log factor: e^5 is a
   * 148-fold move.
   */
  public static final double MAX_LOG_JUMP = 5;

  /** Validates the parameters. */
  public JumpSpec {
    Checks.nonNegative(intensityPerYear, "intensityPerYear");
    Checks.finite(meanLogJump, "meanLogJump");
    Checks.nonNegative(sdLogJump, "sdLogJump");
  }

  /** The mean relative jump {@code E[e^J] - 1}, used to compensate the drift. */
  public double meanRelativeJump() {
    return StrictMath.exp(meanLogJump + 0.5 * sdLogJump * sdLogJump) - 1;
  }
}
