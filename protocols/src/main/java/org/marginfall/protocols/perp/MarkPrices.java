package org.marginfall.protocols.perp;

/**
 * Mark price and funding rate formulas of a perpetual venue, as pure functions.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarkPrices {

  private MarkPrices() {}

  /**
   * Binance's mark price (FAQ 360033525071): {@code median(Price1, Price2, ContractPrice)} with
   * {@code Price1 = index * (1 + lastFundingRate * timeToFunding / interval)}, {@code Price2 =
   * index + MA(book - index)}; here the contract price is the shared market price.
   *
   * @param index the oracle price
   * @param lastFundingRate the last funding rate (per interval)
   * @param timeToFundingFraction time to the next funding as a fraction of the interval
   * @param averageBasis moving average of (book - index)
   * @param book the shared market price of the asset
   */
  public static double median(
      double index,
      double lastFundingRate,
      double timeToFundingFraction,
      double averageBasis,
      double book) {
    double p1 = index * (1 + lastFundingRate * timeToFundingFraction);
    double p2 = index + averageBasis;
    return Math.max(Math.min(p1, p2), Math.min(Math.max(p1, p2), book));
  }

  /**
   * The premium of the book over the index, {@code (book - index) / index} (Binance premium index,
   * simplified to one price).
   */
  public static double premium(double book, double index) {
    return (book - index) / index;
  }

  /**
   * Binance's funding rate: {@code F = P + clamp(I - P, -c, c)} (Binance funding FAQ 360033525031),
   * then capped at {@code +-cap} (FAQ 360033525071: funding is capped at +-MMR).
   *
   * @param averagePremium average premium index P over the interval
   * @param interestRate interest rate I per interval
   * @param interestClamp c (Binance 0.05%)
   * @param cap the cap, the market's maintenance margin rate
   */
  public static double fundingRate(
      double averagePremium, double interestRate, double interestClamp, double cap) {
    double f = averagePremium + clamp(interestRate - averagePremium, -interestClamp, interestClamp);
    return clamp(f, -cap, cap);
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
