package org.marginfall.core.asset;

import java.util.Objects;

/**
 * An asset of the simulated world.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the asset's identifier
 * @param kind how the asset is priced
 * @param decimals how many decimal digits below the unit the ledger counts, 0 to 18, or {@link
 *     #AUTO} to let the run choose the finest precision its supplies allow (see
 *     docs/architecture.md, "Quantities and their range")
 */
public record Asset(AssetId id, AssetKind kind, int decimals) {

  /** Decimals not declared: the run chooses them from the asset's kind and the range it needs. */
  public static final int AUTO = -1;

  /** The finest precision the ledger counts in. */
  public static final int MAX_DECIMALS = 18;

  /** Validates the fields. */
  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (decimals != AUTO && (decimals < 0 || decimals > MAX_DECIMALS)) {
      throw new IllegalArgumentException(
          "decimals must be in [0, " + MAX_DECIMALS + "]: " + decimals);
    }
  }

  /** An asset whose decimals the run chooses. */
  public Asset(AssetId id, AssetKind kind) {
    this(id, kind, AUTO);
  }

  /** Whether the decimals were declared rather than left to the run. */
  public boolean declaresDecimals() {
    return decimals != AUTO;
  }

  /** This asset counted at {@code newDecimals}. */
  public Asset withDecimals(int newDecimals) {
    return new Asset(id, kind, newDecimals);
  }
}
