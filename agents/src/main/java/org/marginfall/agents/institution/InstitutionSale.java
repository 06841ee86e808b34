package org.marginfall.agents.institution;

import org.marginfall.core.event.PopulationEvent;

/**
 * An institution sold units of a marketable asset into its shared market: everything, when it
 * failed (a fire sale), or what restores its leverage (deleveraging).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round (0: the trading phase)
 * @param population the institutions population
 * @param institution the seller's ledger account
 * @param reason {@code default} or {@code deleveraging}
 * @param asset the asset sold
 * @param units units sold
 * @param proceeds base currency received
 * @param priceBefore the market price before the sale
 * @param priceAfter the market price after it
 */
public record InstitutionSale(
    long step,
    int round,
    String population,
    String institution,
    String reason,
    String asset,
    double units,
    double proceeds,
    double priceBefore,
    double priceAfter)
    implements PopulationEvent {

  @Override
  public String type() {
    return "institution_sale";
  }
}
