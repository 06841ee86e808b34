package org.marginfall.core.contagion;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;

/**
 * A temporary multiplier on prices, so attribution can ask a venue what an account's state would be
 * without some endogenous moves: set for the duration of one call, then back to none.
 *
 * <p>Mutable and not thread-safe; each price source (the oracles, the markets' venue views) holds
 * one.
 */
public final class PriceAdjustment {

  private ToDoubleFunction<AssetId> factor;

  /** {@code price}, multiplied by the current factor of {@code asset} if one is set. */
  public double apply(AssetId asset, double price) {
    return factor == null ? price : price * factor.applyAsDouble(asset);
  }

  /**
   * Evaluates {@code body} with prices multiplied by {@code factor(asset)}; restores the previous
   * factor.
   */
  public <T> T during(ToDoubleFunction<AssetId> factor, Supplier<T> body) {
    ToDoubleFunction<AssetId> saved = this.factor;
    this.factor = factor;
    try {
      return body.get();
    } finally {
      this.factor = saved;
    }
  }
}
