package org.marginfall.core.price;

import java.util.Optional;
import org.marginfall.core.util.Checks;

/**
 * The exogenous (fundamental) price process of one asset: geometric Brownian motion with optional
 * Merton jumps.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialPrice price at step 0, in the base currency
 * @param drift annualised drift of the price (jumps are compensated so this stays the mean return)
 * @param volatility annualised volatility of the diffusion
 * @param jumps optional jump component
 */
public record PriceProcessSpec(
    double initialPrice, double drift, double volatility, Optional<JumpSpec> jumps) {

  /** The lowest initial price a scenario may give, in the base currency. */
  public static final double MIN_INITIAL = 1e-9;

  /** The highest initial price a scenario may give, in the base currency. */
  public static final double MAX_INITIAL = 1e9;

  /**
   * The lowest fundamental price the model computes with during a run: 1,000 times below the
   * lowest initial price. A fundamental price that leaves {@code [MIN_PRICE, MAX_PRICE]} stops the
   * run, naming the asset's price process (or the shock that moved it) and the step.
   */
  public static final double MIN_PRICE = 1e-12;

  /** The highest price the model computes with: 1,000 times the highest initial price. */
  public static final double MAX_PRICE = 1e12;

  /** The largest annualised drift in magnitude (1,000% a year). */
  public static final double MAX_DRIFT = 10;

  /** The largest annualised volatility (1,000%). */
  public static final double MAX_VOLATILITY = 10;

  /** Validates the parameters. */
  public PriceProcessSpec {
    Checks.positive(initialPrice, "initialPrice");
    Checks.finite(drift, "drift");
    Checks.nonNegative(volatility, "volatility");
    jumps = jumps == null ? Optional.empty() : jumps;
  }

  /** A constant price (no drift, no volatility, no jumps), handy for deterministic paths. */
  public static PriceProcessSpec constant(double initialPrice) {
    return new PriceProcessSpec(initialPrice, 0, 0, Optional.empty());
  }
}
