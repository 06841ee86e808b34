package org.marginfall.protocols.perp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * An asset a venue accepts as collateral and the haircut applied to its oracle value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the collateral asset
 * @param haircut fraction of oracle value not counted as margin, in [0, 1)
 */
public record CollateralTerms(AssetId asset, double haircut) {

  /** Validates the haircut. */
  public CollateralTerms {
    Objects.requireNonNull(asset, "asset");
    Checks.fraction(haircut, "haircut");
    if (haircut >= 1) {
      throw new IllegalArgumentException("haircut: must be below 1, was " + haircut);
    }
  }
}
