package org.marginfall.agents.snapshot;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * One row of a CDP snapshot: a vault's locked collateral and its debt.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the line it was read from
 * @param vault the vault's (or urn's) id in the file
 * @param ilk the collateral type, as the venue's asset
 * @param collateral units of collateral locked (Maker {@code ink})
 * @param debt base-currency units owed: normalised debt times the ilk's rate (Maker {@code art *
 *     rate})
 */
public record VaultRow(long line, String vault, AssetId ilk, double collateral, double debt) {

  /** Validates the fields. */
  public VaultRow {
    Objects.requireNonNull(vault, "vault");
    Objects.requireNonNull(ilk, "ilk");
  }
}
