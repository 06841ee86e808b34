package org.marginfall.agents.multivenue;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;

/**
 * One asset of a shared collateral pool and the units each member is endowed with at set-up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset
 * @param amount units per member
 */
public record PoolAsset(AssetId asset, Distribution amount) {

  /** Validates the fields. */
  public PoolAsset {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    if (!(amount.lowerBound() >= 0)) {
      throw new IllegalArgumentException("amount: must not produce negative amounts");
    }
  }
}
