package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The liquidators' decision rules as pure functions of explicit inputs: the profit test, the
 * priority-fee bid, and the orders in which candidates and liquidators are taken.
 *
 * <p>Stateless and thread-safe.
 */
public final class LiquidatorRules {

  private LiquidatorRules() {}

  /**
   * The priority fee a liquidator bids for one action: {@code share * max(0, reward - gas)}, the
   * share of its expected net profit it gives up to be first (a bid above the net profit would be a
   * sure loss, so shares are in [0, 1]).
   */
  public static double priorityFee(double share, double reward, double gas) {
    return share * Math.max(0, reward - gas);
  }

  /** The profit test: an action is worth doing when {@code reward - gas - fee >= minProfit}. */
  public static boolean worthIt(double reward, double gas, double fee, double minProfit) {
    return reward - gas - fee >= minProfit;
  }

  /**
   * What buying {@code units} from an auction at {@code auctionPrice} earns when they are worth
   * {@code marketPrice} each: {@code units * (marketPrice - auctionPrice)}, before the price impact
   * of selling them.
   */
  public static double auctionReward(double units, double marketPrice, double auctionPrice) {
    return units * (marketPrice - auctionPrice);
  }

  /**
   * The indices of {@code rewards} from the highest reward to the lowest; equal rewards keep their
   * order (a stable sort), so ties fall back to the listed order.
   */
  public static List<Integer> byRewardDescending(double[] rewards) {
    List<Integer> order = new ArrayList<>(rewards.length);
    for (int i = 0; i < rewards.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> rewards[i]).reversed());
    return order;
  }

  /** Liquidator indices from the highest bid to the lowest, ties by index. */
  public static int[] byBidDescending(double[] bids) {
    List<Integer> order = byRewardDescending(bids);
    int[] out = new int[order.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = order.get(i);
    }
    return out;
  }

  /**
   * A uniformly random order of {@code n} liquidators: the Fisher–Yates shuffle (Knuth, TAOCP vol.
   * 2, Algorithm 3.4.2 P), swapping position {@code i = n-1 .. 1} with {@code j = floor(u (i+1))},
   * one uniform in (0, 1) per swap from {@code uniforms}.
   */
  public static int[] shuffled(int n, DoubleSupplier uniforms) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = Math.min(i, (int) Math.floor(uniforms.getAsDouble() * (i + 1)));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
