package org.marginfall.agents.snapshot;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * One row of a lending snapshot: what an account supplies to and borrows from one reserve.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the line it was read from
 * @param account the account's id in the file
 * @param asset the reserve's asset
 * @param supplied units supplied (>= 0)
 * @param borrowed units borrowed (>= 0)
 * @param collateral whether the supply secures the account's debt (Aave's usage as collateral)
 */
public record LendingRow(
    long line,
    String account,
    AssetId asset,
    double supplied,
    double borrowed,
    boolean collateral) {

  /** Validates the fields. */
  public LendingRow {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asset, "asset");
  }
}
