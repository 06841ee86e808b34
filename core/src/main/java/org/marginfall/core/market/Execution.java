package org.marginfall.core.market;

/**
 * The result of one trade against a shared market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param units signed quantity traded: positive bought from the market, negative sold into it
 * @param value base currency paid (buy) or received (sale), always {@code >= 0}
 * @param priceBefore market price before the trade
 * @param priceAfter market price after the trade
 */
public record Execution(double units, double value, double priceBefore, double priceAfter) {

  /** Average price of the trade; the pre-trade price for an empty trade. */
  public double averagePrice() {
    return units == 0 ? priceBefore : value / Math.abs(units);
  }
}
