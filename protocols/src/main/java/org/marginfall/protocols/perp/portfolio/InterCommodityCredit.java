package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * An inter-commodity spread credit between two positively related assets: when a portfolio is long
 * one and short the other, a fraction of their offsetting scanning risks is credited back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first one asset of the pair
 * @param second the other asset, different from {@code first}
 * @param rate credit rate in [0, 1] (CME publishes a percentage per spread)
 */
public record InterCommodityCredit(AssetId first, AssetId second, double rate) {

  /** Validates the pair and the rate. */
  public InterCommodityCredit {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.equals(second)) {
      throw new IllegalArgumentException(
          "assets: a spread needs two different assets, was " + first + " twice");
    }
    Checks.fraction(rate, "rate");
  }

  /** Whether this pair is {@code a} and {@code b} in either order. */
  public boolean pairs(AssetId a, AssetId b) {
    return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
  }
}
