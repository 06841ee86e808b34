package org.marginfall.core.asset;

import java.util.Objects;

/**
 * An asset of the simulated world.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the asset's identifier
 * @param kind how the asset is priced
 */
public record Asset(AssetId id, AssetKind kind) {

  /** Validates the fields. */
  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }
}
