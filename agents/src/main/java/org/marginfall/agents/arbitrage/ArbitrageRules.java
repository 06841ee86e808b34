package org.marginfall.agents.arbitrage;

import org.marginfall.core.ledger.Precision;

/** The formulas of receipt arbitrage over explicit inputs. Stateless and thread-safe. */
public final class ArbitrageRules {

  private ArbitrageRules() {}

  /**
   * NAV per receipt at the underlying's market price, as the lending venue declares it (Aave aToken
   * redeemable 1:1 for the underlying times the liquidity index, AToken.sol): {@code rate *
   * underlyingPrice}.
   */
  public static double nav(double exchangeRate, double underlyingPrice) {
    return exchangeRate * underlyingPrice;
  }

  /** Whether buying and redeeming pays: {@code price < nav * (1 - cost)}. */
  public static boolean discount(double price, double nav, double cost) {
    return price < nav * (1 - cost);
  }

  /** Whether selling inventory pays: {@code price > nav * (1 + cost)}. */
  public static boolean premium(double price, double nav, double cost) {
    return price > nav * (1 + cost);
  }

  /**
   * Receipt atoms one purchase asks for: {@code floor(min(slice, budget) / price)} in the receipt's
   * {@code precision}, so each purchase re-checks the discount after the previous one moved the
   * price.
   */
  public static long sliceAtoms(double budget, double slice, double price, Precision precision) {
    return precision.floorAtoms(Math.min(slice, budget) / price);
  }
}
