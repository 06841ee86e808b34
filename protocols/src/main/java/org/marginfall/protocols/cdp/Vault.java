package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.AccountId;

/**
 * One vault ("urn"): normalised debt {@code art} and its debt in atoms ({@code art * rate}). Its
 * debt changes only through {@link VaultBook}, which tells the liquidation screen.
 *
 * <p>Mutable and not thread-safe.
 */
final class Vault {
  final AccountId id;
  final Ilk ilk;
  /** The vault's and its collateral's ledger indices, so marking reads balances without lookups. */
  final int slot;
  final int assetSlot;
  /** Its place in the order vaults were opened. */
  final int ordinal;
  double art;
  long debt;

  Vault(AccountId id, Ilk ilk, int slot, int assetSlot, int ordinal) {
    this.id = id;
    this.ilk = ilk;
    this.slot = slot;
    this.assetSlot = assetSlot;
    this.ordinal = ordinal;
  }
}
