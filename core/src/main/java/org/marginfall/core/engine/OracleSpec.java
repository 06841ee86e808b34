package org.marginfall.core.engine;

import java.util.Objects;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;

/**
 * An oracle: an id that venues refer to and the design of its feeds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the oracle id
 * @param design sources, aggregation, TWAP, bounds, band, rule and failures
 */
public record OracleSpec(OracleId id, OracleDesign design) {

  /** Validates the fields. */
  public OracleSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(design, "design");
  }

  /** A Chainlink-style oracle of {@code rule} alone. */
  public OracleSpec(OracleId id, OracleRule rule) {
    this(id, OracleDesign.of(Objects.requireNonNull(rule, "rule")));
  }

  /** When it publishes: the design's deviation-threshold and heartbeat rule. */
  public OracleRule rule() {
    return design.rule();
  }
}
