package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Arrays;
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
 * which keeps its normalised debt and the total debt true and tells the liquidation screen.
 *
 * <p>The books are columns by vault ordinal (struct of arrays): ledger index, collateral's ledger
 * index and collateral type index, debt in atoms and normalised debt ({@code art}). Collateral
 * ({@code ink}) is the balance the ledger holds (itself columns by asset), read where it is kept.
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
  int[] markOrder = new int[16];

  /** Ledger index, collateral's ledger index and collateral type index, by ordinal. */
  private int[] slots = new int[16];

  private int[] assetSlots = new int[16];
  private int[] ilkOf = new int[16];

  /** Debt in base-currency atoms and normalised debt, by ordinal. */
  private long[] debt = new long[16];

  private double[] art = new double[16];

  /** The sum of every vault's debt, kept as it changes (integer sums do not depend on order). */
  private long totalDebt;

  /** Counts the changes of any vault's debt, so a pass can tell whether the books moved since. */
  private long debtChanges;

  /** Which vaults a liquidation round must mark again; told of every change of a vault's debt. */
  final LiquidationScreen screen = new LiquidationScreen();

  VaultBook(CdpContext c) {
    this.c = c;
    for (CdpIlk terms : c.spec().ilks()) {
      Ilk ilk = new Ilk(ilks.size(), terms, c.ledger().precision(terms.asset()), c.basePrecision());
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
      int k = vaults.size();
      Vault v = new Vault(id, ilk, c.ledger().indexOf(id), c.ledger().assetIndexOf(asset), k);
      if (k == slots.length) {
        grow(2 * k);
      }
      slots[k] = v.slot;
      assetSlots[k] = v.assetSlot;
      ilkOf[k] = ilk.index;
      markOrder[k] = k;
      vaults.put(id, v);
    }
    return id;
  }

  /** Sets a vault's debt after a {@code frob} or a {@code bark}: its normalised debt follows. */
  void setDebt(Vault v, long debt) {
    totalDebt += debt - this.debt[v.ordinal];
    this.debt[v.ordinal] = debt;
    debtChanges++;
    screen.touch(v.ordinal);
    art[v.ordinal] = c.units(debt) / v.ilk.rate;
  }

  /** Adds accrued stability fees to a vault's debt: its normalised debt stays (the rate moved). */
  void accrue(Vault v, long atoms) {
    debt[v.ordinal] += atoms;
    totalDebt += atoms;
    debtChanges++;
    screen.touch(v.ordinal);
  }

  /** The vault's debt in base-currency atoms. */
  long debt(Vault v) {
    return debt[v.ordinal];
  }

  /** The vault's normalised debt: its debt over its collateral type's rate when last set. */
  double art(Vault v) {
    return art[v.ordinal];
  }

  /** The debt in atoms of the vault opened {@code ordinal}-th. */
  long debtAt(int ordinal) {
    return debt[ordinal];
  }

  /** The collateral, in atoms, of the vault opened {@code ordinal}-th. */
  long inkAt(int ordinal) {
    return c.ledger().balanceAt(slots[ordinal], assetSlots[ordinal]);
  }

  /** The collateral type index of the vault opened {@code ordinal}-th. */
  int ilkAt(int ordinal) {
    return ilkOf[ordinal];
  }

  /** The ledger index of the vault opened {@code ordinal}-th. */
  int slotAt(int ordinal) {
    return slots[ordinal];
  }

  /** A count that changes whenever any vault's debt changes. */
  long debtChanges() {
    return debtChanges;
  }

  /** The collateral the vault holds, in atoms. */
  long ink(Vault v) {
    return c.ledger().balanceAt(v.slot, v.assetSlot);
  }

  /** The sum of every vault's debt, in atoms. */
  long totalDebt() {
    return totalDebt;
  }

  private void grow(int size) {
    markOrder = Arrays.copyOf(markOrder, size);
    slots = Arrays.copyOf(slots, size);
    assetSlots = Arrays.copyOf(assetSlots, size);
    ilkOf = Arrays.copyOf(ilkOf, size);
    debt = Arrays.copyOf(debt, size);
    art = Arrays.copyOf(art, size);
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
