package org.marginfall.agents.cdp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * Network congestion tied to the price move: the gas price rises linearly with the drawdown of
 * {@code asset}'s market price from its highest since the run began, from {@code baseGwei} with no
 * drawdown to {@code baseGwei * peakMultiple} at {@code fullAtDrawdown} and beyond. On 12-13 March
 * 2020 the mean gas price rose about 6x, to about 80 gwei, as ETH fell more than 50%. Source:
 * https://www.blockstockandbarrel.com/post/what-happened-at-makerdao-on-12-13-mar-2020 (Glassnode
 * mean gas price).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset whose fall congests the network
 * @param baseGwei the gas price before the fall
 * @param peakMultiple how many times {@code baseGwei} the price reaches at full congestion
 * @param fullAtDrawdown the drawdown, in (0, 1], at which congestion is full
 */
public record GasPriceRule(
    AssetId asset, double baseGwei, double peakMultiple, double fullAtDrawdown) {

  /** Validates the fields. */
  public GasPriceRule {
    Objects.requireNonNull(asset, "asset");
    Checks.positive(baseGwei, "baseGwei");
    if (!(peakMultiple >= 1)) {
      throw new IllegalArgumentException("peakMultiple: must be at least 1, was " + peakMultiple);
    }
    if (!(fullAtDrawdown > 0 && fullAtDrawdown <= 1)) {
      throw new IllegalArgumentException(
          "fullAtDrawdown: must be in (0, 1], was " + fullAtDrawdown);
    }
  }

  /** The gas price, in gwei, at {@code price} after a highest price of {@code high}. */
  public double gwei(double price, double high) {
    double drawdown = high > 0 ? Math.max(0, 1 - price / high) : 0;
    return baseGwei * (1 + (peakMultiple - 1) * Math.min(1, drawdown / fullAtDrawdown));
  }
}
