package org.marginfall.agents.manipulator;

import org.marginfall.core.market.Execution;

/**
 * How many units a budget buys in a market with linear impact in log price, and what the market's
 * impact coefficient is, read off a fill.
 *
 * <p>A buy of {@code q} units at price {@code P} costs {@code P (e^(kq) - 1) / k} and ends at
 * {@code P e^(kq)} (the shared markets' linear-log impact, docs/venues.md "Shared markets";
 * Cifuentes, Ferrucci and Shin 2005, JEEA 3:556-566), so a budget {@code b} buys {@code q = ln(1 +
 * b k / P) / k} and moves the price to {@code P + k b}: a pump of capital {@code C} adds {@code k
 * C} to the price whatever the slicing. Stateless and thread-safe.
 */
public final class PumpSizing {

  private PumpSizing() {}

  /**
   * Units that {@code budget} buys at price {@code price} in a market of impact coefficient {@code
   * k} ({@code k = fundamental / depth} per unit; 0 for a market without impact): {@code ln(1 +
   * budget k / price) / k}, or {@code budget / price} when {@code k = 0}.
   */
  public static double units(double budget, double price, double k) {
    if (!(k > 0)) {
      return budget / price;
    }
    return StrictMath.log1p(budget * k / price) / k;
  }

  /** The impact coefficient a fill reveals: {@code k = ln(priceAfter / priceBefore) / units}. */
  public static double coefficient(Execution fill) {
    if (fill.units() == 0 || fill.priceBefore() <= 0) {
      return 0;
    }
    return StrictMath.log(fill.priceAfter() / fill.priceBefore()) / Math.abs(fill.units());
  }

  /**
   * The most {@code asset} units the manipulator can borrow against collateral worth {@code
   * collateralValue} at the venue's prices, with loan-to-value {@code ltv} and debt already worth
   * {@code debtValue}: {@code (collateralValue × ltv × (1 - 1e-6) - debtValue) / debtPrice} (the
   * factor keeps the borrow inside Aave's {@code validateBorrow} check despite rounding).
   */
  public static double maxBorrow(
      double collateralValue, double ltv, double debtValue, double debtPrice) {
    return Math.max(0, (collateralValue * ltv * (1 - 1e-6) - debtValue) / debtPrice);
  }
}
