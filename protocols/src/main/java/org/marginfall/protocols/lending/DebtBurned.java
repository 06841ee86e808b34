package org.marginfall.protocols.lending;

import org.marginfall.core.event.VenueEvent;

/**
 * Debt burned because a liquidation took the account's last collateral (Aave v3.3 {@code
 * LiquidationLogic}; docs/venues.md, "Liquidation" of the pooled lending venue): what the treasury
 * covered, and what was left as a deficit or socialised on suppliers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param account the venue account whose debt was burned
 * @param asset the debt's reserve
 * @param units units of debt burned
 * @param coveredByTreasury units the treasury's receipts covered
 * @param uncovered units left to the bad-debt rule
 * @param mode {@code deficit} (recorded, suppliers whole) or {@code socialize} (exchange rate cut)
 */
public record DebtBurned(
    long step,
    int round,
    String venue,
    String account,
    String asset,
    double units,
    double coveredByTreasury,
    double uncovered,
    String mode)
    implements VenueEvent {

  @Override
  public String type() {
    return "debt_burned";
  }
}
