package org.marginfall.protocols.lending;

import java.util.List;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.AttributedLiquidation;

/**
 * One liquidation of a (collateral, debt) pair on a lending venue (Aave's LiquidationCall event,
 * with the health factor and the amounts of LiquidationLogic): a liquidation whose notional is the
 * debt repaid at the debt price and whose penalty is the bonus.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param account the liquidated venue account
 * @param liquidator the liquidator's account
 * @param collateralAsset the collateral seized
 * @param debtAsset the debt repaid
 * @param healthFactor the account's health factor before the liquidation
 * @param debtRepaid units of the debt asset repaid
 * @param debtPrice the debt asset's oracle price
 * @param collateralSeized units of collateral taken from the account (liquidator's part plus fee)
 * @param collateralPrice the collateral asset's oracle price
 * @param protocolFee units of collateral sent to the treasury
 * @param bonusValue the bonus in base currency (liquidator's discount plus the protocol fee)
 * @param closeFactor 0.5 when the 50% close factor applied, 1 otherwise
 * @param dustWaived whether the dust rule could not be met and was set aside
 * @param cause why it happened (docs/contagion.md, "Attribution: cause and generation"), filled in
 *     by the engine
 */
public record LoanLiquidation(
    long step,
    int round,
    String venue,
    String account,
    String liquidator,
    String collateralAsset,
    String debtAsset,
    double healthFactor,
    double debtRepaid,
    double debtPrice,
    double collateralSeized,
    double collateralPrice,
    double protocolFee,
    double bonusValue,
    double closeFactor,
    boolean dustWaived,
    Cause cause)
    implements AttributedLiquidation {

  private static final List<String> NOTIONAL_FIELDS = List.of("debtRepaid", "debtPrice");

  /** The event as a venue emits it, before the engine attributes its cause. */
  public LoanLiquidation(
      long step,
      int round,
      String venue,
      String account,
      String liquidator,
      String collateralAsset,
      String debtAsset,
      double healthFactor,
      double debtRepaid,
      double debtPrice,
      double collateralSeized,
      double collateralPrice,
      double protocolFee,
      double bonusValue,
      double closeFactor,
      boolean dustWaived) {
    this(
        step,
        round,
        venue,
        account,
        liquidator,
        collateralAsset,
        debtAsset,
        healthFactor,
        debtRepaid,
        debtPrice,
        collateralSeized,
        collateralPrice,
        protocolFee,
        bonusValue,
        closeFactor,
        dustWaived,
        null);
  }

  @Override
  public double notional() {
    return debtRepaid * debtPrice;
  }

  @Override
  public double penalty() {
    return bonusValue;
  }

  @Override
  public List<String> notionalFields() {
    return NOTIONAL_FIELDS;
  }

  @Override
  public LoanLiquidation withCause(Cause cause) {
    return new LoanLiquidation(
        step,
        round,
        venue,
        account,
        liquidator,
        collateralAsset,
        debtAsset,
        healthFactor,
        debtRepaid,
        debtPrice,
        collateralSeized,
        collateralPrice,
        protocolFee,
        bonusValue,
        closeFactor,
        dustWaived,
        cause);
  }

  @Override
  public String type() {
    return "loan_liquidation";
  }
}
