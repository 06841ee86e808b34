package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.venue.LiquidationScreen;

/**
 * The CDP venue's vaults and collateral types (vat.sol's {@code urns} and {@code ilks}): vaults by
 * id and in the order opened, the last mark's order of them, and every change of a vault's debt,
 * which keeps its normalised debt true and tells the liquidation screen.
 *
 * <p>Mutable and not thread-safe.
 */
final class VaultBook {

  private final CdpContext c;
  final List<Ilk> ilks = new ArrayList<>();
  private final Map<AssetId, Ilk> ilkByAsset = new LinkedHashMap<>();
  final AccountTable<Vault> vaults = new AccountTable<>();
  /**
   * Every vault in the last mark's most-underwater-first order, new vaults at the end. A price move
   * moves every vault of an ilk alike, so the next mark sorts a nearly sorted list in about linear
   * time instead of sorting thousands of candidates from scratch every round.
   */
  List<Vault> markOrder = new ArrayList<>();
  /** Which vaults a liquidation round must mark again; told of every change of a vault's debt. */
  final LiquidationScreen screen = new LiquidationScreen();

  VaultBook(CdpContext c) {
    this.c = c;
    for (CdpIlk terms : c.spec().ilks()) {
      Ilk ilk = new Ilk(terms, c.ledger().precision(terms.asset()), c.basePrecision());
      ilks.add(ilk);
      ilkByAsset.put(terms.asset(), ilk);
    }
  }

  /** The collateral types in the order declared. */
  Iterable<Ilk> ilkValues() {
    return ilkByAsset.values();
  }

  Set<AssetId> assets() {
    return ilkByAsset.keySet();
  }

  /** Opens {@code owner}'s vault of {@code asset} unless it is open; its id either way. */
  AccountId open(AccountId owner, AssetId asset) {
    Ilk ilk = ilk(asset);
    AccountId id = AccountId.of(c.venue(), "vaults").child(owner.value()).child(asset.value());
    if (!vaults.containsKey(id)) {
      c.ledger().open(id, AccountType.ORDINARY);
      Vault v = new Vault(id, ilk, c.ledger().indexOf(id), c.ledger().assetIndexOf(asset), vaults.size());
      vaults.put(id, v);
      markOrder.add(v);
    }
    return id;
  }

  /** Sets a vault's debt after a {@code frob} or a {@code bark}: its normalised debt follows. */
  void setDebt(Vault v, long debt) {
    v.debt = debt;
    screen.touch(v.ordinal);
    v.art = c.units(debt) / v.ilk.rate;
  }

  /** Adds accrued stability fees to a vault's debt: its normalised debt stays (the rate moved). */
  void accrue(Vault v, long atoms) {
    v.debt += atoms;
    screen.touch(v.ordinal);
  }

  /** The collateral the vault holds, in atoms. */
  long ink(Vault v) {
    return c.ledger().balanceAt(v.slot, v.assetSlot);
  }

  /** The sum of every vault's debt, in atoms. */
  long totalDebt() {
    long debt = 0;
    for (Vault v : vaults.values()) {
      debt += v.debt;
    }
    return debt;
  }

  int size() {
    return vaults.size();
  }

  /** The vault, or null if there is none by that id. */
  Vault find(AccountId id) {
    return vaults.get(id);
  }

  Ilk ilk(AssetId asset) {
    Ilk ilk = ilkByAsset.get(asset);
    if (ilk == null) {
      throw new IllegalArgumentException(c.spec().id() + " has no collateral type " + asset);
    }
    return ilk;
  }

  Vault vault(AccountId id) {
    Vault v = vaults.get(id);
    if (v == null) {
      throw new IllegalArgumentException(c.spec().id() + " has no vault " + id);
    }
    return v;
  }
}
