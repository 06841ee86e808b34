package org.marginfall.agents.trader;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * A market a trader holds a position in, and its share of the trader's notional.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the perpetual market
 * @param weight the share of notional (weights are normalised over a population's markets)
 */
public record MarketWeight(AssetId asset, double weight) {

  /** Validates the weight. */
  public MarketWeight {
    Objects.requireNonNull(asset, "asset");
    Checks.positive(weight, "weight");
  }
}
