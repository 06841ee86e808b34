package org.marginfall.protocols.lending;

/**
 * Stateless formulas of an Aave v3 lending venue over explicit inputs, so that each one can be
 * checked by hand: the health factor (GenericLogic.calculateUserAccountData) and one liquidation of
 * a (collateral, debt) pair (LiquidationLogic.executeLiquidationCall and
 * _calculateAvailableCollateralToLiquidate, Aave v3.3, aave-v3-origin; docs/sources.md).
 *
 * <p>Amounts are in units of their asset, values in base currency, prices in base currency per
 * unit; Aave's fixed-point rounding (percentMul, wadDiv) is not reproduced. Stateless and
 * thread-safe.
 */
public final class LendingMath {

  /** LiquidationLogic.DEFAULT_LIQUIDATION_CLOSE_FACTOR: 50% of the total debt. */
  public static final double DEFAULT_LIQUIDATION_CLOSE_FACTOR = 0.5;

  /** LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD: at or below it the close factor is 100%. */
  public static final double CLOSE_FACTOR_HF_THRESHOLD = 0.95;

  /** LiquidationLogic.MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD: $2,000 (2000e8 base units). */
  public static final double MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2_000;

  /** LiquidationLogic.MIN_LEFTOVER_BASE: $1,000, the least a partial liquidation may leave. */
  public static final double MIN_LEFTOVER_BASE = 1_000;

  /**
   * Relative slack on the dust comparisons, so a leftover computed to be exactly the minimum
   * passes.
   */
  private static final double DUST_SLACK = 1e-9;

  private LendingMath() {}

  /**
   * The health factor {@code Σ(collateral value × LT) / Σ debt value}, +infinity without debt
   * (GenericLogic.calculateUserAccountData).
   *
   * @param weightedCollateral Σ collateral value × liquidation threshold
   * @param debtValue Σ debt value
   */
  public static double healthFactor(double weightedCollateral, double debtValue) {
    return debtValue > 0 ? weightedCollateral / debtValue : Double.POSITIVE_INFINITY;
  }

  /**
   * What one liquidation of a (collateral, debt) pair starts from.
   *
   * <p>Immutable and thread-safe.
   *
   * @param healthFactor the account's health factor, below 1
   * @param totalDebtValue the account's debt value over all reserves
   * @param debtBalance the account's debt in the debt asset, units
   * @param debtPrice the debt asset's price
   * @param collateralBalance the account's collateral in the collateral asset, units
   * @param collateralPrice the collateral asset's price
   * @param liquidationBonus LB of the collateral as a fraction (0.05 for 10500)
   * @param protocolFee LPF of the collateral: the treasury's share of the bonus
   * @param closeFactorThreshold MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD in base currency
   * @param minLeftover MIN_LEFTOVER_BASE in base currency
   */
  public record PairInput(
      double healthFactor,
      double totalDebtValue,
      double debtBalance,
      double debtPrice,
      double collateralBalance,
      double collateralPrice,
      double liquidationBonus,
      double protocolFee,
      double closeFactorThreshold,
      double minLeftover) {

    /** Validates the fields. */
    public PairInput {
      if (!(debtBalance > 0 && debtPrice > 0 && collateralPrice > 0 && collateralBalance >= 0)) {
        throw new IllegalArgumentException(
            "a liquidation needs debt, positive prices and collateral >= 0");
      }
      if (!(totalDebtValue >= debtBalance * debtPrice * (1 - 1e-12))) {
        throw new IllegalArgumentException("totalDebtValue must include the debt reserve");
      }
    }
  }

  /**
   * One liquidation's amounts.
   *
   * <p>Immutable and thread-safe.
   *
   * @param debtRepaid debt the liquidator repays, units of the debt asset
   * @param collateralToLiquidator collateral the liquidator receives, units
   * @param protocolFee collateral that goes to the treasury, units
   * @param closeFactor 0.5 when the 50% close factor applied, 1 otherwise
   * @param cappedByCollateral whether the whole collateral balance is taken (debt scaled down)
   * @param dustWaived whether the dust rule could not be met and was set aside
   */
  public record Plan(
      double debtRepaid,
      double collateralToLiquidator,
      double protocolFee,
      double closeFactor,
      boolean cappedByCollateral,
      boolean dustWaived) {

    /** All collateral taken from the account: the liquidator's part and the protocol fee. */
    public double collateralSeized() {
      return collateralToLiquidator + protocolFee;
    }

    /** The bonus in collateral units: {@code seized − seized / (1 + LB)}. */
    public double bonus(double liquidationBonus) {
      return collateralSeized() - collateralSeized() / (1 + liquidationBonus);
    }
  }

  /**
   * The most debt one liquidation may repay: all of the reserve's debt, unless collateral and debt
   * in the pair are both at least $2,000 and HF > 0.95, when it is 50% of the TOTAL debt value if
   * the reserve's debt is more than that (LiquidationLogic.executeLiquidationCall).
   */
  public static double maxLiquidatableDebt(PairInput in) {
    double debtValue = in.debtBalance() * in.debtPrice();
    double collateralValue = in.collateralBalance() * in.collateralPrice();
    if (collateralValue >= in.closeFactorThreshold()
        && debtValue >= in.closeFactorThreshold()
        && in.healthFactor() > CLOSE_FACTOR_HF_THRESHOLD) {
      double half = in.totalDebtValue() * DEFAULT_LIQUIDATION_CLOSE_FACTOR;
      if (debtValue > half) {
        return half / in.debtPrice();
      }
    }
    return in.debtBalance();
  }

  /**
   * The collateral for repaying {@code debtToCover}: {@code debt × P_debt / P_coll × (1 + LB)},
   * capped at the collateral balance (then the debt is scaled down to {@code coll × P_coll / P_debt
   * / (1 + LB)}); the protocol fee is {@code LPF × (seized − seized / (1 + LB))}
   * (LiquidationLogic._calculateAvailableCollateralToLiquidate).
   */
  public static Plan collateralFor(PairInput in, double debtToCover, double closeFactor) {
    double lb = 1 + in.liquidationBonus();
    double baseCollateral = debtToCover * in.debtPrice() / in.collateralPrice();
    double maxCollateral = baseCollateral * lb;
    double seized;
    double debt;
    boolean capped = maxCollateral > in.collateralBalance();
    if (capped) {
      seized = in.collateralBalance();
      debt = seized * in.collateralPrice() / in.debtPrice() / lb;
    } else {
      seized = maxCollateral;
      debt = debtToCover;
    }
    double fee = (seized - seized / lb) * in.protocolFee();
    return new Plan(debt, seized - fee, fee, closeFactor, capped, false);
  }

  /**
   * Whether a partial liquidation would leave less than MIN_LEFTOVER_BASE of debt or of collateral
   * in the pair (the v3.3 dust rule; a liquidation that takes all the debt or all the collateral is
   * exempt).
   */
  public static boolean leavesDust(PairInput in, Plan p) {
    double leftDebt = in.debtBalance() - p.debtRepaid();
    double leftCollateral = in.collateralBalance() - p.collateralSeized();
    if (!(leftDebt > 0 && leftCollateral > 0)) {
      return false;
    }
    double min = in.minLeftover() * (1 - DUST_SLACK);
    return leftDebt * in.debtPrice() < min || leftCollateral * in.collateralPrice() < min;
  }

  /**
   * The liquidation a liquidator that covers as much debt as allowed executes: the close-factor
   * maximum, or, if that would leave dust, the largest partial that leaves MIN_LEFTOVER_BASE of
   * both debt and collateral, {@code min(max, D − L/P_d, (C − L/P_c) P_c / P_d / (1 + LB))}, which
   * an Aave liquidator would pass as debtToCover. Only a partial (50%) liquidation can leave dust,
   * and it needs both sides worth at least the close-factor threshold ($2,000 > $1,000), so that
   * partial exists under Aave's constants; with configured thresholds where it does not, the
   * maximum is executed and flagged (Aave would revert).
   */
  public static Plan plan(PairInput in) {
    double max = maxLiquidatableDebt(in);
    double closeFactor = max < in.debtBalance() ? DEFAULT_LIQUIDATION_CLOSE_FACTOR : 1;
    Plan p = collateralFor(in, max, closeFactor);
    if (!leavesDust(in, p)) {
      return p;
    }
    double partial =
        Math.min(
            max,
            Math.min(
                in.debtBalance() - in.minLeftover() / in.debtPrice(),
                (in.collateralBalance() - in.minLeftover() / in.collateralPrice())
                    * in.collateralPrice()
                    / in.debtPrice()
                    / (1 + in.liquidationBonus())));
    if (partial > 0) {
      Plan q = collateralFor(in, partial, closeFactor);
      if (!leavesDust(in, q)) {
        return q;
      }
    }
    return new Plan(
        p.debtRepaid(),
        p.collateralToLiquidator(),
        p.protocolFee(),
        closeFactor,
        p.cappedByCollateral(),
        true);
  }
}
