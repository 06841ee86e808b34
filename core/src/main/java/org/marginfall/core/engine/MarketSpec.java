package org.marginfall.core.engine;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.market.ImpactModel;

/**
 * The shared market of one spot asset.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset
 * @param impact the price-impact model
 * @param halfLifeSteps steps for half of the impact to decay (infinity: permanent)
 */
public record MarketSpec(AssetId asset, ImpactModel impact, double halfLifeSteps) {

  /** Validates the fields. */
  public MarketSpec {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(impact, "impact");
    if (!(halfLifeSteps > 0)) {
      throw new IllegalArgumentException("halfLifeSteps: must be > 0, was " + halfLifeSteps);
    }
  }
}
