package org.marginfall.protocols.cdp;

import org.marginfall.core.util.Checks;

/**
 * A Dutch-auction price curve: the price a Clipper auction asks {@code elapsed} seconds after it
 * started at {@code top} (MakerDAO {@code abaci.sol}).
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public sealed interface Abacus {

  /** The scenario name of the curve. */
  String scenarioName();

  /**
   * The auction price now.
   *
   * @param top the starting price
   * @param elapsedSeconds simulated seconds since the auction (re)started, {@code >= 0}
   */
  double price(double top, double elapsedSeconds);

  /**
   * Linear decrease to zero over {@code tau} seconds.
   *
   * @param tau seconds until the price reaches zero
   */
  record LinearDecrease(double tau) implements Abacus {

    /** Validates the field. */
    public LinearDecrease {
      Checks.positive(tau, "tau");
    }

    @Override
    public String scenarioName() {
      return "linear";
    }

    /**
     * abaci.sol LinearDecrease.price: {@code top * (tau - dur) / tau}, zero once {@code dur >=
     * tau}.
     */
    @Override
    public double price(double top, double elapsedSeconds) {
      if (elapsedSeconds >= tau) {
        return 0;
      }
      return top * (tau - elapsedSeconds) / tau;
    }
  }

  /**
   * Stairstep exponential decrease: the price is multiplied by {@code cut} every {@code step}
   * seconds.
   *
   * @param step seconds between price drops
   * @param cut the factor applied at each drop, in (0, 1]
   */
  record StairstepExponentialDecrease(double step, double cut) implements Abacus {

    /** Validates the fields. */
    public StairstepExponentialDecrease {
      Checks.positive(step, "step");
      if (!(cut > 0 && cut <= 1)) {
        throw new IllegalArgumentException("cut: must be in (0, 1], was " + cut);
      }
    }

    @Override
    public String scenarioName() {
      return "stairstep-exponential";
    }

    /**
     * abaci.sol StairstepExponentialDecrease.price: {@code top * cut^(dur / step)} with integer
     * division.
     */
    @Override
    public double price(double top, double elapsedSeconds) {
      return top * StrictMath.pow(cut, StrictMath.floor(elapsedSeconds / step));
    }
  }

  /**
   * Continuous exponential decrease: the price is multiplied by {@code cut} every second.
   *
   * @param cut the per-second factor, in (0, 1]
   */
  record ExponentialDecrease(double cut) implements Abacus {

    /** Validates the field. */
    public ExponentialDecrease {
      if (!(cut > 0 && cut <= 1)) {
        throw new IllegalArgumentException("cut: must be in (0, 1], was " + cut);
      }
    }

    @Override
    public String scenarioName() {
      return "exponential";
    }

    /** abaci.sol ExponentialDecrease.price: {@code top * cut^dur}, dur in seconds. */
    @Override
    public double price(double top, double elapsedSeconds) {
      return top * StrictMath.pow(cut, elapsedSeconds);
    }
  }
}
