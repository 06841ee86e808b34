package org.marginfall.agents.signal;

import java.util.List;

/**
 * The signal formulas of signal traders over an explicit price history (oldest first, the last
 * entry being the price now). Stateless and thread-safe.
 */
public final class Signals {

  /** What a trader does this step. */
  public enum Action {
    BUY,
    SELL,
    HOLD
  }

  private Signals() {}

  /**
   * Time-series momentum (Moskowitz, Ooi and Pedersen 2012, JFE 104:228-250, sign of the lookback
   * return): {@code r = ln(P_t / P_(t-L))}; BUY if {@code r > threshold}, SELL if {@code r <
   * -threshold}, else HOLD; HOLD until {@code L + 1} prices are known.
   */
  public static Action momentum(List<Double> prices, int lookback, double threshold) {
    int n = prices.size();
    if (n < lookback + 1) {
      return Action.HOLD;
    }
    double r = StrictMath.log(prices.get(n - 1) / prices.get(n - 1 - lookback));
    return r > threshold ? Action.BUY : r < -threshold ? Action.SELL : Action.HOLD;
  }

  /**
   * Mean reversion to a simple moving average (the fundamentalist rule of Brock and Hommes 1998,
   * JEDC 22:1235-1274, with the moving average as the anchor): {@code d = P_t / MA_L - 1} with
   * {@code MA_L} the mean of the last {@code L} prices including now; BUY if {@code d <
   * -threshold}, SELL if {@code d > threshold}, else HOLD; HOLD until {@code L} prices are known.
   */
  public static Action meanReversion(List<Double> prices, int lookback, double threshold) {
    int n = prices.size();
    if (n < lookback) {
      return Action.HOLD;
    }
    double sum = 0;
    for (int i = n - lookback; i < n; i++) {
      sum += prices.get(i);
    }
    double d = prices.get(n - 1) / (sum / lookback) - 1;
    return d < -threshold ? Action.BUY : d > threshold ? Action.SELL : Action.HOLD;
  }

  /**
   * Noise: with {@code u1 < activity} the trader acts, buying if {@code u2 < 0.5} and selling
   * otherwise.
   */
  public static Action noise(double u1, double u2, double activity) {
    if (!(u1 < activity)) {
      return Action.HOLD;
    }
    return u2 < 0.5 ? Action.BUY : Action.SELL;
  }
}
