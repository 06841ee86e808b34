package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * A vault drew new debt, minted in base currency ({@code Vat.frob} with positive {@code dart}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param vault the vault
 * @param amount base currency minted to the owner
 * @param debt the vault's debt afterwards
 * @param collateralValue the vault's collateral at the oracle price
 */
public record DebtDrawn(
    long step,
    int round,
    String venue,
    String vault,
    double amount,
    double debt,
    double collateralValue)
    implements VenueEvent {

  @Override
  public String type() {
    return "debt_drawn";
  }
}
