package org.marginfall.protocols.lending;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * One reserve of a lending venue: its underlying asset, its receipt token and its risk and rate
 * parameters (Aave v3 ReserveConfiguration).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the underlying asset
 * @param receipt the derived asset issued to suppliers (Aave's aToken)
 * @param loanToValue LTV: the most the account's debt may reach, as a share of this collateral
 * @param liquidationThreshold LT: the share of this collateral's value the health factor counts
 * @param liquidationBonus LB as a fraction (0.05 for Aave's 10500): the liquidator's discount
 * @param protocolFee LPF: the share of the bonus that goes to the treasury
 * @param reserveFactor the share of borrowers' interest that goes to the treasury
 * @param rates the borrow-rate curve
 * @param supplyCap most underlying units the reserve may hold as supply; +infinity for none
 * @param borrowCap most units that may be borrowed from it; +infinity for none
 * @param borrowable whether the reserve lends
 */
public record ReserveTerms(
    AssetId asset,
    AssetId receipt,
    double loanToValue,
    double liquidationThreshold,
    double liquidationBonus,
    double protocolFee,
    double reserveFactor,
    InterestRateCurve rates,
    double supplyCap,
    double borrowCap,
    boolean borrowable) {

  /** Validates the fields. */
  public ReserveTerms {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(rates, "rates");
    Checks.fraction(loanToValue, "loanToValue");
    Checks.fraction(liquidationThreshold, "liquidationThreshold");
    Checks.fraction(protocolFee, "protocolFee");
    Checks.fraction(reserveFactor, "reserveFactor");
    if (!(liquidationBonus >= 0 && liquidationBonus < 1)) {
      throw new IllegalArgumentException(
          "liquidationBonus: must be in [0, 1), was " + liquidationBonus);
    }
    if (loanToValue > liquidationThreshold) {
      throw new IllegalArgumentException(
          "loanToValue: must not exceed liquidationThreshold ("
              + liquidationThreshold
              + "), was "
              + loanToValue);
    }
    // ValidationLogic/PoolConfigurator: LT × LB must stay below 100%, or a liquidation at HF = 1
    // would seize more collateral than the threshold leaves.
    if (liquidationThreshold * (1 + liquidationBonus) > 1) {
      throw new IllegalArgumentException(
          "liquidationBonus: liquidationThreshold × (1 + liquidationBonus) must be at most 1, was "
              + liquidationThreshold * (1 + liquidationBonus));
    }
    if (!(supplyCap > 0)) {
      throw new IllegalArgumentException("supplyCap: must be > 0, was " + supplyCap);
    }
    if (!(borrowCap > 0)) {
      throw new IllegalArgumentException("borrowCap: must be > 0, was " + borrowCap);
    }
  }
}
