package org.marginfall.core.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * Double-entry ledger: every balance of every asset belongs to an account, and a transfer moves an
 * exact number of atoms between two accounts.
 *
 * <p>Balances are stored as one {@code long[]} column per asset, indexed by account, so audits and
 * hot loops run over arrays. The sum of each asset over all accounts is always zero (see {@link
 * AccountType}); {@link #audit()} proves it. Mutable and not thread-safe: one ledger belongs to one
 * run, which is single-threaded.
 */
public final class Ledger {

  /** The account quantities enter the model from: endowments, funds, deposits from outside. */
  public static final AccountId EXTERNAL = AccountId.of("external");

  private final List<AssetId> assets;
  private final Precision[] precisions;
  private final Map<AssetId, Integer> assetIndex = new HashMap<>();
  private final List<AccountId> accounts = new ArrayList<>();
  private final Map<AccountId, Integer> accountIndex = new HashMap<>();
  private final List<AccountType> types = new ArrayList<>();
  private long[][] balances;

  /** By account: the transfer count at its last balance change (0: never changed). */
  private long[] changedAt = new long[16];

  private long transfers;

  /** Creates an empty ledger for the given assets, each counted at six decimals. */
  public Ledger(List<AssetId> assets) {
    this(assets, assets.stream().map(a -> Quantities.DEFAULT_DECIMALS).toList());
  }

  /**
   * Creates an empty ledger for the given assets, each counted at its decimals.
   *
   * @param decimals one per asset, in the same order, each in [0, {@link Quantities#MAX_DECIMALS}]
   */
  public Ledger(List<AssetId> assets, List<Integer> decimals) {
    this.assets = List.copyOf(assets);
    if (decimals.size() != this.assets.size()) {
      throw new IllegalArgumentException(
          "one precision per asset: " + decimals.size() + " for " + assets.size());
    }
    this.precisions = new Precision[this.assets.size()];
    for (int i = 0; i < this.assets.size(); i++) {
      precisions[i] = Precision.of(this.assets.get(i), decimals.get(i));
    }
    for (int i = 0; i < this.assets.size(); i++) {
      if (assetIndex.put(this.assets.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate asset " + this.assets.get(i));
      }
    }
    balances = new long[this.assets.size()][16];
    open(EXTERNAL, AccountType.EXTERNAL);
  }

  /** The assets this ledger counts. */
  public List<AssetId> assets() {
    return assets;
  }

  /** How finely the ledger counts {@code asset}. */
  public Precision precision(AssetId asset) {
    return precisions[asset(asset)];
  }

  /** How finely the ledger counts the asset with this index. */
  public Precision precisionAt(int asset) {
    return precisions[asset];
  }

  /** Opens an account; opening an existing account with the same type is a no-op. */
  public void open(AccountId id, AccountType type) {
    Integer existing = accountIndex.get(id);
    if (existing != null) {
      if (types.get(existing) != type) {
        throw new IllegalStateException(
            "account " + id + " already open as " + types.get(existing));
      }
      return;
    }
    int index = accounts.size();
    accounts.add(id);
    types.add(type);
    accountIndex.put(id, index);
    if (index >= changedAt.length) {
      changedAt = Arrays.copyOf(changedAt, Math.max(index + 1, changedAt.length * 2));
    }
    if (balances.length > 0 && index >= balances[0].length) {
      grow(index + 1);
    }
  }

  /** Whether the account is open. */
  public boolean isOpen(AccountId id) {
    return accountIndex.containsKey(id);
  }

  /** The balance in atoms. */
  public long balance(AccountId account, AssetId asset) {
    return balances[asset(asset)][account(account)];
  }

  /**
   * The index of an open account: fixed for the run, so a venue that keeps its accounts in arrays
   * reads their balances with {@link #balanceAt} without a lookup by id.
   *
   * @throws IllegalArgumentException if the account is not open
   */
  public int indexOf(AccountId account) {
    return account(account);
  }

  /**
   * The index of an asset, fixed for the run.
   *
   * @throws IllegalArgumentException if the ledger does not hold the asset
   */
  public int assetIndexOf(AssetId asset) {
    return asset(asset);
  }

  /** The balance in atoms of the account and asset with these indices. */
  public long balanceAt(int account, int asset) {
    return balances[asset][account];
  }

  /** The balance in units. */
  public double units(AccountId account, AssetId asset) {
    int a = asset(asset);
    return precisions[a].units(balances[a][account(account)]);
  }

  /**
   * Moves {@code atoms} of {@code asset} from one account to another.
   *
   * @throws IllegalStateException if an ordinary account would go negative
   */
  public void transfer(AccountId from, AccountId to, AssetId asset, long atoms) {
    if (atoms < 0) {
      throw new IllegalArgumentException("transfer of a negative quantity: " + atoms);
    }
    if (atoms == 0) {
      return;
    }
    int a = asset(asset);
    int f = account(from);
    int t = account(to);
    long[] column = balances[a];
    if (types.get(f) == AccountType.ORDINARY && column[f] < atoms) {
      Precision p = precisions[a];
      throw new IllegalStateException(
          "ledger: "
              + from
              + " holds "
              + p.units(column[f])
              + " "
              + asset
              + ", cannot send "
              + p.units(atoms));
    }
    // Compute both new balances before writing either, so an overflow leaves the ledger untouched.
    long newFrom;
    long newTo;
    try {
      newFrom = Math.subtractExact(column[f], atoms);
      newTo = Math.addExact(f == t ? newFrom : column[t], atoms);
    } catch (ArithmeticException overflow) {
      throw new LedgerRangeException(
          asset,
          precisions[a].decimals(),
          "a transfer of "
              + precisions[a].units(atoms)
              + " "
              + asset
              + " takes "
              + from
              + " or "
              + to
              + " beyond the ledger's range of "
              + precisions[a].units(Long.MAX_VALUE)
              + " "
              + asset);
    }
    column[f] = newFrom;
    column[t] = newTo;
    transfers++;
    changedAt[f] = transfers;
    changedAt[t] = transfers;
  }

  /** Number of non-empty transfers so far. */
  public long transferCount() {
    return transfers;
  }

  /**
   * The {@link #transferCount()} just after the last transfer that changed a balance of the account
   * with this index, 0 if none did: a balance changed after a moment exactly when this exceeds the
   * transfer count read at that moment, which is how venues learn which accounts a step touched.
   */
  public long changedAt(int account) {
    return changedAt[account];
  }

  /** Sum of the asset over all accounts; zero whenever the ledger is consistent. */
  public long total(AssetId asset) {
    long[] column = balances[asset(asset)];
    long sum = 0;
    for (int i = 0; i < accounts.size(); i++) {
      sum = Math.addExact(sum, column[i]);
    }
    return sum;
  }

  /**
   * The asset's outstanding supply in atoms: the sum of the positive balances, which the negative
   * balances of issuers and the outside world mirror. Saturates at {@link Long#MAX_VALUE}.
   */
  public long supply(AssetId asset) {
    long[] column = balances[asset(asset)];
    long sum = 0;
    for (int i = 0; i < accounts.size(); i++) {
      if (column[i] > 0) {
        sum += column[i];
        if (sum < 0) {
          return Long.MAX_VALUE;
        }
      }
    }
    return sum;
  }

  /** Sum of the asset over the accounts whose id starts with {@code prefix}. */
  public long totalUnder(String prefix, AssetId asset) {
    long[] column = balances[asset(asset)];
    long sum = 0;
    for (int i = 0; i < accounts.size(); i++) {
      String v = accounts.get(i).value();
      if (v.equals(prefix) || v.startsWith(prefix + "/")) {
        sum = Math.addExact(sum, column[i]);
      }
    }
    return sum;
  }

  /**
   * Checks conservation (each asset sums to zero) and that no ordinary account is negative.
   *
   * @return one message per violation, empty when the ledger is consistent
   */
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    for (int a = 0; a < assets.size(); a++) {
      long sum = 0;
      long[] column = balances[a];
      for (int i = 0; i < accounts.size(); i++) {
        sum += column[i];
        if (column[i] < 0 && types.get(i) == AccountType.ORDINARY) {
          problems.add(
              "ledger: "
                  + accounts.get(i)
                  + " holds "
                  + precisions[a].units(column[i])
                  + " "
                  + assets.get(a));
        }
      }
      if (sum != 0) {
        problems.add(
            "ledger: "
                + assets.get(a)
                + " is not conserved, accounts sum to "
                + sum
                + " atoms ("
                + precisions[a].units(sum)
                + " units)");
      }
    }
    return problems;
  }

  /** The accounts in opening order. */
  public List<AccountId> accounts() {
    return List.copyOf(accounts);
  }

  private int asset(AssetId asset) {
    Integer i = assetIndex.get(Objects.requireNonNull(asset, "asset"));
    if (i == null) {
      throw new IllegalArgumentException("ledger: unknown asset " + asset);
    }
    return i;
  }

  private int account(AccountId account) {
    Integer i = accountIndex.get(Objects.requireNonNull(account, "account"));
    if (i == null) {
      throw new IllegalArgumentException("ledger: unknown account " + account);
    }
    return i;
  }

  private void grow(int needed) {
    int size = Math.max(needed, Math.max(16, accounts.size() * 2));
    for (int a = 0; a < balances.length; a++) {
      if (balances[a].length < needed) {
        balances[a] = Arrays.copyOf(balances[a], size);
      }
    }
  }
}
