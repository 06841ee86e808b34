package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * The correlation of two assets' one-step log-returns.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first one asset
 * @param second the other asset, different from {@code first}
 * @param rho the correlation in [-1, 1]
 */
public record Correlation(AssetId first, AssetId second, double rho) {

  /** Validates the pair and the coefficient. */
  public Correlation {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.equals(second)) {
      throw new IllegalArgumentException(
          "assets: a correlation needs two different assets, was " + first + " twice");
    }
    if (!(rho >= -1 && rho <= 1)) {
      throw new IllegalArgumentException("rho: must be between -1 and 1, was " + rho);
    }
  }

  /** Whether this pair is {@code a} and {@code b} in either order. */
  public boolean pairs(AssetId a, AssetId b) {
    return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
  }
}
