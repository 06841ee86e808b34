package org.marginfall.core.price;

import java.util.Optional;
import org.marginfall.core.util.Checks;

/**
 * The exogenous (fundamental) price process of one asset: geometric Brownian motion with optional
 * Merton jumps, or a historical process ({@link HistoricalPrices}: a replayed path or a bootstrap
 * of returns), which takes no drift, volatility or jumps of its own.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialPrice price at step 0, in the base currency
 * @param drift annualised drift of the price (jumps are compensated so this stays the mean return)
 * @param volatility annualised volatility of the diffusion
 * @param jumps optional jump component
 * @param history the historical process that replaces the parametric one, if any
 */
public record PriceProcessSpec(
    double initialPrice,
    double drift,
    double volatility,
    Optional<JumpSpec> jumps,
    Optional<HistoricalPrices> history) {

  /** The lowest initial price a scenario may give, in the base currency. */
  public static final double MIN_INITIAL = 1e-9;

  /** The highest initial price a scenario may give, in the base currency. */
  public static final double MAX_INITIAL = 1e9;

  /**
   * The lowest fundamental price the model computes with during a run: 1,000 times below the lowest
   * initial price. A fundamental price that leaves {@code [MIN_PRICE, MAX_PRICE]} stops the run,
   * naming the asset's price process (or the shock that moved it) and the step.
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
    history = history == null ? Optional.empty() : history;
    if (history.isPresent() && (drift != 0 || volatility != 0 || jumps.isPresent())) {
      throw new IllegalArgumentException(
          "history: a historical price takes no drift, volatility or jumps of its own");
    }
    if (history.orElse(null) instanceof ReplayPath r && r.price(0) != initialPrice) {
      throw new IllegalArgumentException(
          "initialPrice: a replay starts at its path's first price "
              + r.price(0)
              + ", was "
              + initialPrice);
    }
  }

  /** A parametric process: GBM with optional jumps. */
  public PriceProcessSpec(
      double initialPrice, double drift, double volatility, Optional<JumpSpec> jumps) {
    this(initialPrice, drift, volatility, jumps, Optional.empty());
  }

  /** The replay of {@code path}, starting at its first price. */
  public static PriceProcessSpec replay(ReplayPath path) {
    return new PriceProcessSpec(path.price(0), 0, 0, Optional.empty(), Optional.of(path));
  }

  /** The bootstrap of {@code bootstrap}'s returns from {@code initialPrice}. */
  public static PriceProcessSpec bootstrap(double initialPrice, ReturnBootstrap bootstrap) {
    return new PriceProcessSpec(initialPrice, 0, 0, Optional.empty(), Optional.of(bootstrap));
  }

  /** A constant price (no drift, no volatility, no jumps), handy for deterministic paths. */
  public static PriceProcessSpec constant(double initialPrice) {
    return new PriceProcessSpec(initialPrice, 0, 0, Optional.empty());
  }
}
