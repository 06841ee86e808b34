package org.marginfall.core.price;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * A scheduled move of an asset's fundamental price: a total relative change spread geometrically
 * over a number of steps.
 *
 * <p>A change of -0.30 over 10 steps multiplies the fundamental by {@code 0.7^(1/10)} in each of
 * steps {@code startStep .. startStep + steps - 1}. Immutable and thread-safe.
 *
 * @param asset the asset whose fundamental moves
 * @param startStep the first tick of the move (ticks count from 1)
 * @param steps the number of ticks the move is spread over
 * @param change the total relative change, above -1
 */
public record PriceShock(AssetId asset, long startStep, int steps, double change) {

  /** The largest total change a scenario may give: a 1,000-fold rise. */
  public static final double MAX_CHANGE = 1000;

  /** Validates the parameters. */
  public PriceShock {
    Objects.requireNonNull(asset, "asset");
    checkStart(startStep);
    Checks.positive(steps, "steps");
    checkChange(change);
  }

  /**
   * The rule of a shock's first tick: ticks count from 1.
   *
   * @throws FieldException at {@code startStep} when it is below 1
   */
  public static void checkStart(long startStep) {
    if (startStep < 1) {
      throw new FieldException("startStep", "must be >= 1 (ticks count from 1), was " + startStep);
    }
  }

  /**
   * The rule of a shock's change: above -1 (a price cannot reach zero) and at most {@link
   * #MAX_CHANGE}.
   *
   * @throws FieldException at {@code change} when it is not
   */
  public static void checkChange(double change) {
    Checks.finite(change, "change");
    if (!(change > -1)) {
      throw new FieldException(
          "change", "must be above -1 (a price cannot reach zero), was " + change);
    }
    if (change > MAX_CHANGE) {
      throw new FieldException(
          "change",
          "must be at most "
              + (int) MAX_CHANGE
              + " (a "
              + (int) MAX_CHANGE
              + "-fold rise), was "
              + change);
    }
  }

  /** The multiplier this shock applies to the fundamental in {@code step}, 1 outside its window. */
  public double factorAt(long step) {
    if (step < startStep || step >= startStep + steps) {
      return 1.0;
    }
    return StrictMath.pow(1 + change, 1.0 / steps);
  }
}
