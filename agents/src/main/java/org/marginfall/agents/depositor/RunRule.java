package org.marginfall.agents.depositor;

import org.marginfall.core.ledger.AtomScale;

/**
 * The decision rules of a depositor run, as formulas over explicit inputs.
 *
 * <p>A depositor runs when the reserve's utilisation reaches its threshold (its deposit may soon be
 * locked in loans: Aave pays withdrawals only out of available cash) or when its receipt's value in
 * units of the underlying has fallen by its threshold since set-up (socialised losses cut the
 * exchange rate; a secondary market can trade the receipt below NAV). Withdrawals are served first
 * come first served out of the reserve's cash, the sequential-service constraint of Diamond and
 * Dybvig (1983), J. Political Economy 91:401-419. Stateless and thread-safe.
 */
public final class RunRule {

  /** Why a depositor runs. */
  public enum Reason {
    /** The reserve's utilisation reached the depositor's threshold. */
    UTILISATION,
    /** The receipt's value per unit of underlying fell by the depositor's threshold. */
    VALUE;

    /** The name written in events. */
    public String label() {
      return this == UTILISATION ? "utilisation" : "value";
    }
  }

  private RunRule() {}

  /**
   * The receipt's value in units of its underlying: {@code receipt price / underlying price}, that
   * is the exchange rate times the secondary market's displacement {@code e^I} (1 without a
   * market).
   */
  public static double value(double receiptPrice, double underlyingPrice) {
    return receiptPrice / underlyingPrice;
  }

  /** The relative fall {@code 1 - value / startValue} (negative after a rise). */
  public static double drop(double value, double startValue) {
    return 1 - value / startValue;
  }

  /**
   * Whether a depositor runs, and why; null if not. A threshold of NaN is off. Utilisation is
   * tested first, so a depositor that both triggers reports {@link Reason#UTILISATION}.
   *
   * @param utilisation the reserve's {@code debt / (cash + debt)} now
   * @param drop the receipt value's fall since set-up
   * @param utilisationAbove runs when {@code utilisation >= utilisationAbove}
   * @param dropAbove runs when {@code drop >= dropAbove}
   */
  public static Reason trigger(
      double utilisation, double drop, double utilisationAbove, double dropAbove) {
    if (!Double.isNaN(utilisationAbove) && utilisation >= utilisationAbove) {
      return Reason.UTILISATION;
    }
    if (!Double.isNaN(dropAbove) && drop >= dropAbove) {
      return Reason.VALUE;
    }
    return null;
  }

  /**
   * Receipt atoms a holder of {@code receipts} can redeem out of {@code cash} atoms of underlying
   * at {@code rate} underlying per receipt: {@code min(receipts, floor(cash / rate))}, lowered
   * until the payout {@code floor(scale(n × rate))} fits the cash (the reserve pays that, Aave
   * reverts a withdrawal above its available liquidity). {@code scale} takes receipt atoms to
   * underlying atoms. 0 when the payout would be nothing.
   */
  public static long redeemable(long receipts, long cash, double rate, AtomScale scale) {
    if (receipts <= 0 || cash <= 0 || !(rate > 0)) {
      return 0;
    }
    long n = Math.min(receipts, (long) Math.floor(scale.invert(cash / rate)));
    while (n > 0 && payout(n, rate, scale) > cash) {
      n--;
    }
    return n > 0 && payout(n, rate, scale) > 0 ? n : 0;
  }

  /**
   * Like {@link #redeemable(long, long, double, AtomScale)} for a receipt counted like its
   * underlying.
   */
  public static long redeemable(long receipts, long cash, double rate) {
    return redeemable(receipts, cash, rate, AtomScale.IDENTITY);
  }

  /**
   * The underlying atoms a reserve pays for {@code n} receipt atoms, as LendingPool.withdraw
   * computes it.
   */
  private static long payout(long n, double rate, AtomScale scale) {
    return (long) Math.floor(scale.apply(n * rate));
  }

  /**
   * The secondary market's discount to NAV, {@code 1 - price / (rate × underlying price)}: the
   * fraction of value a depositor gives up by selling a receipt instead of redeeming it.
   */
  public static double discount(double receiptPrice, double rate, double underlyingPrice) {
    return 1 - receiptPrice / (rate * underlyingPrice);
  }
}
