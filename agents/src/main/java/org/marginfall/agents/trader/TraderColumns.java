package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;

/**
 * The members a {@link TraderBook} follows, their margin accounts and the positions they hold, as
 * columns by ordinal instead of one object per trader: member {@code m} owns the account slots
 * {@code [accountStart(m), accountStart(m + 1))} and the positions {@code [positionStart(m),
 * positionStart(m + 1))}, each position in the account slot and market it was opened in, in the
 * order they were added. A rule's pass over the population walks these arrays front to back.
 *
 * <p>Members are written one at a time: {@link #begin}, then its accounts and positions, then
 * {@link #commit} or {@link #rollback} (a snapshot member whose every account the venue refused).
 * Mutable and not thread-safe.
 */
final class TraderColumns {

  private static final int INITIAL = 16;

  // Members.
  private int members;
  private AccountId[] reserve = new AccountId[INITIAL];
  private int[] accountStart = new int[INITIAL + 1];
  private int[] positionStart = new int[INITIAL + 1];
  private double[] peak = new double[INITIAL];

  // Margin accounts.
  private int accounts;
  private AccountId[] account = new AccountId[INITIAL];

  // Positions.
  private int positions;
  private int[] positionAccount = new int[INITIAL];
  private int[] positionMarket = new int[INITIAL];
  private double[] side = new double[INITIAL];
  private double[] entryMark = new double[INITIAL];
  private double[] size = new double[INITIAL];

  /** Markets by index, in the order first seen. */
  private final List<AssetId> markets = new ArrayList<>();

  /** Starts a member; {@code reserveAccount} is null without a top-up rule. */
  void begin(AccountId reserveAccount) {
    if (members == reserve.length) {
      int n = 2 * members;
      reserve = Arrays.copyOf(reserve, n);
      accountStart = Arrays.copyOf(accountStart, n + 1);
      positionStart = Arrays.copyOf(positionStart, n + 1);
      peak = Arrays.copyOf(peak, n);
    }
    reserve[members] = reserveAccount;
    accountStart[members + 1] = accounts;
    positionStart[members + 1] = positions;
  }

  /** Adds a margin account to the member begun last. */
  void account(AccountId marginAccount) {
    if (accounts == account.length) {
      account = Arrays.copyOf(account, 2 * accounts);
    }
    account[accounts++] = marginAccount;
    accountStart[members + 1] = accounts;
  }

  /** Adds a position held in the account added last. */
  void position(AssetId market, double positionSide, double entry, double positionSize) {
    if (accounts == accountStart[members]) {
      throw new IllegalStateException("a position needs a margin account first");
    }
    if (positions == size.length) {
      int n = 2 * positions;
      positionAccount = Arrays.copyOf(positionAccount, n);
      positionMarket = Arrays.copyOf(positionMarket, n);
      side = Arrays.copyOf(side, n);
      entryMark = Arrays.copyOf(entryMark, n);
      size = Arrays.copyOf(size, n);
    }
    int p = positions++;
    positionAccount[p] = accounts - 1;
    positionMarket[p] = marketIndex(market);
    side[p] = positionSide;
    entryMark[p] = entry;
    size[p] = positionSize;
    positionStart[members + 1] = positions;
  }

  /** Whether the member begun last has a margin account. */
  boolean pendingHasAccounts() {
    return accounts > accountStart[members];
  }

  /** Keeps the member begun last, with {@code firstPeak} as its running peak; its ordinal. */
  int commit(double firstPeak) {
    peak[members] = firstPeak;
    return members++;
  }

  /** Forgets the member begun last and everything added to it. */
  void rollback() {
    int written = accounts;
    accounts = accountStart[members];
    positions = positionStart[members];
    Arrays.fill(account, accounts, written, null);
  }

  private int marketIndex(AssetId market) {
    int i = markets.indexOf(market);
    if (i < 0) {
      markets.add(market);
      i = markets.size() - 1;
    }
    return i;
  }

  int members() {
    return members;
  }

  AccountId reserve(int m) {
    return reserve[m];
  }

  int accountStart(int m) {
    return accountStart[m];
  }

  int positionStart(int m) {
    return positionStart[m];
  }

  double peak(int m) {
    return peak[m];
  }

  void peak(int m, double value) {
    peak[m] = value;
  }

  int accounts() {
    return accounts;
  }

  AccountId account(int slot) {
    return account[slot];
  }

  List<AssetId> markets() {
    return markets;
  }

  int positionAccount(int p) {
    return positionAccount[p];
  }

  int positionMarket(int p) {
    return positionMarket[p];
  }

  double side(int p) {
    return side[p];
  }

  double entryMark(int p) {
    return entryMark[p];
  }

  double size(int p) {
    return size[p];
  }

  void size(int p, double value) {
    size[p] = value;
  }
}
