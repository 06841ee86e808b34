package org.marginfall.agents.lending;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;

/**
 * One asset a supplier supplies, and how many units.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the reserve's underlying asset
 * @param amount units supplied per supplier (>= 0)
 */
public record SupplyAmount(AssetId asset, Distribution amount) {

  /** Validates the fields. */
  public SupplyAmount {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    if (!(amount.lowerBound() >= 0)) {
      throw new IllegalArgumentException("amount: must not produce negative amounts");
    }
  }
}
