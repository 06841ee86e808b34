package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.asset.AssetId;

/**
 * The prices a snapshot's values are measured at ({@code --price ASSET=P}; the base currency is 1),
 * remembering each asset asked for and not given, with the account that first needed it. Mutable.
 */
final class Prices {

  private final AssetId base;
  private final Map<AssetId, Double> given;
  private final Map<AssetId, String> missing = new LinkedHashMap<>();

  Prices(AssetId base, Map<AssetId, Double> given) {
    this.base = base;
    this.given = Map.copyOf(given);
  }

  AssetId base() {
    return base;
  }

  /** The price of {@code asset}; NaN (remembered as missing) when none was given. */
  double of(AssetId asset, String neededBy) {
    if (asset.equals(base)) {
      return 1;
    }
    Double p = given.get(asset);
    if (p == null) {
      missing.putIfAbsent(asset, neededBy);
      return Double.NaN;
    }
    return p;
  }

  /** Assets asked for without a price, each with the account that first needed it. */
  Map<AssetId, String> missing() {
    return missing;
  }
}
