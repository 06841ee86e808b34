package org.marginfall.core.engine;

import java.util.Objects;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;

/**
 * An oracle: an id that venues refer to and the update rule of its feeds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the oracle id
 * @param rule when it publishes
 */
public record OracleSpec(OracleId id, OracleRule rule) {

  /** Validates the fields. */
  public OracleSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
  }
}
