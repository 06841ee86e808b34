package org.marginfall.core.asset;

import org.marginfall.core.util.Checks;

/**
 * Identifies an asset (a currency, a spot token or a derived token such as a vault share).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier, letters, digits, '_' or '-'
 */
public record AssetId(String value) implements Comparable<AssetId> {

  /** Validates the identifier. */
  public AssetId {
    Checks.id(value, "asset id");
  }

  /** Returns the asset id for {@code value}. */
  public static AssetId of(String value) {
    return new AssetId(value);
  }

  @Override
  public int compareTo(AssetId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
