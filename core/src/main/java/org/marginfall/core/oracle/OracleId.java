package org.marginfall.core.oracle;

import org.marginfall.core.util.Checks;

/**
 * Identifies an oracle feed; venues that name the same oracle read the same prices.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier
 */
public record OracleId(String value) implements Comparable<OracleId> {

  /** Validates the identifier. */
  public OracleId {
    Checks.id(value, "oracle id");
  }

  /** Returns the oracle id for {@code value}. */
  public static OracleId of(String value) {
    return new OracleId(value);
  }

  @Override
  public int compareTo(OracleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
