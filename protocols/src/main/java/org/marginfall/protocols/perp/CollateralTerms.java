package org.marginfall.protocols.perp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * An asset a venue accepts as collateral, the haircut applied to its oracle value and an optional
 * cap on the value it may count (Binance Portfolio Margin caps collateral by tiers of value,
 * Binance uniMMR FAQ; here one cap per asset, a simplification).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the collateral asset
 * @param haircut fraction of oracle value not counted as margin, in [0, 1)
 * @param cap most base-currency value counted as margin per account after the haircut; positive
 *     infinity for none
 */
public record CollateralTerms(AssetId asset, double haircut, double cap) {

  /** Validates the haircut and the cap. */
  public CollateralTerms {
    Objects.requireNonNull(asset, "asset");
    Checks.fraction(haircut, "haircut");
    if (haircut >= 1) {
      throw new IllegalArgumentException("haircut: must be below 1, was " + haircut);
    }
    if (!(cap > 0)) {
      throw new IllegalArgumentException("cap: must be > 0, was " + cap);
    }
  }

  /** Terms without a cap. */
  public CollateralTerms(AssetId asset, double haircut) {
    this(asset, haircut, Double.POSITIVE_INFINITY);
  }

  /** The value counted as margin for {@code units} at {@code price}. */
  public double countedValue(double units, double price) {
    return Math.min(units * price * (1 - haircut), cap);
  }
}
