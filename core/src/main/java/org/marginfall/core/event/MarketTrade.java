package org.marginfall.core.event;

/**
 * A trade against an asset's shared market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param asset the asset
 * @param trader who traded (an account, or a venue for synthetic closes)
 * @param units signed units: positive bought, negative sold
 * @param averagePrice average execution price
 * @param priceBefore market price before
 * @param priceAfter market price after
 */
public record MarketTrade(
    long step,
    int round,
    String asset,
    String trader,
    double units,
    double averagePrice,
    double priceBefore,
    double priceAfter)
    implements SimEvent {

  @Override
  public String type() {
    return "market_trade";
  }
}
