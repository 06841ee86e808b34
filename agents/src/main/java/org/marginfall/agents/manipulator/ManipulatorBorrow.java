package org.marginfall.agents.manipulator;

import org.marginfall.core.event.VenueEvent;

/**
 * The manipulator borrowed against its over-valued collateral (or was refused) and walked away.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase)
 * @param venue the lending venue
 * @param account its venue account
 * @param asset the pumped collateral asset
 * @param collateral underlying units of collateral (receipts × exchange rate)
 * @param oraclePrice the venue's price of the collateral asset
 * @param marketPrice the collateral's market price
 * @param collateralValue collateral × oraclePrice
 * @param debtAsset the asset borrowed
 * @param borrowed units borrowed (0 if refused)
 * @param borrowedValue borrowed × the venue's price of the debt asset
 * @param spent base currency it spent on the pump
 * @param refused whether the venue refused the borrow (a borrow cap)
 */
public record ManipulatorBorrow(
    long step,
    int round,
    String venue,
    String account,
    String asset,
    double collateral,
    double oraclePrice,
    double marketPrice,
    double collateralValue,
    String debtAsset,
    double borrowed,
    double borrowedValue,
    double spent,
    boolean refused)
    implements VenueEvent {

  @Override
  public String type() {
    return "manipulator_borrow";
  }
}
