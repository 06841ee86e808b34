package org.marginfall.reports.data;

import java.util.Objects;

/**
 * A scheduled failure of one oracle's feed of one asset ({@code oracles[].failures[]} of the
 * scenario, docs/scenarios.md): in force from step {@code first} to step {@code last}, both
 * included.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param oracle the oracle's id
 * @param asset the asset whose feed fails
 * @param mode {@code frozen}, {@code lagging} or {@code wrong}
 * @param first the first step of the failure ({@code fromStep})
 * @param last its last step ({@code fromStep + steps - 1})
 */
public record OracleFailure(String oracle, String asset, String mode, long first, long last) {

  public OracleFailure {
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(mode, "mode");
  }
}
