package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.AccountId;

/**
 * One vault's ("urn") handle: its id, collateral type, ledger indices and ordinal, the row of its
 * columns in {@link VaultBook} (normalised debt {@code art}, debt in atoms). Its debt changes only
 * through {@link VaultBook}, which tells the liquidation screen.
 *
 * <p>Immutable.
 */
final class Vault {
  final AccountId id;
  final Ilk ilk;

  /** The vault's and its collateral's ledger indices, so marking reads balances without lookups. */
  final int slot;

  final int assetSlot;

  /** Its place in the order vaults were opened: its row in the columns. */
  final int ordinal;

  Vault(AccountId id, Ilk ilk, int slot, int assetSlot, int ordinal) {
    this.id = id;
    this.ilk = ilk;
    this.slot = slot;
    this.assetSlot = assetSlot;
    this.ordinal = ordinal;
  }
}
