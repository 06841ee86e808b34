package org.marginfall.protocols.perp;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;

/**
 * The perpetual venue's margin accounts as columns indexed by ordinal (the order accounts were
 * opened in): ledger slot, position size and entry price per market, the last margin state (equity,
 * initial and maintenance requirement), the serial of the mark it is at and the step of the last
 * partial liquidation. Collateral stays in the ledger, read by slot. A pass over every account (the
 * mark, the health values, open interest) walks these primitive arrays; the parts that act on one
 * account use its {@link MarginAccount} view, found by id or ordinal.
 *
 * <p>Per market it also keeps the accounts long and short in it, so that every change of a
 * position's size goes through the one place that keeps that index true; auto-deleveraging looks
 * for opposite positions in it instead of among every account.
 *
 * <p>Mutable and not thread-safe.
 */
final class PerpAccountBook {

  private final VenueId venue;
  private final Ledger ledger;
  private final int markets;
  private final AccountTable<MarginAccount> accounts = new AccountTable<>();
  private int count;
  private int[] slot = new int[16];

  /** Per market, a column of position sizes (and of entry prices) by ordinal. */
  private final double[][] size;

  private final double[][] entry;

  /** The last margin state of each account, by ordinal. */
  private double[] equity = new double[16];

  private double[] initial = new double[16];
  private double[] maintenance = new double[16];

  /**
   * By ordinal: the serial of the mark each state is at, the step of the last partial liquidation.
   */
  long[] markedSerial = new long[16];

  long[] partialAt = new long[16];

  /**
   * Base-currency atoms each account owes the venue's lending book ({@link PerpBank}); 0 without
   * one.
   */
  long[] borrowed = new long[16];

  /** Per market, the ordinals of the accounts long (and short) in it. */
  private final BitSet[] longs;

  private final BitSet[] shorts;

  /** The backstop vault's account, null without a backstop. */
  private MarginAccount vault;

  /**
   * Which accounts a liquidation round must mark again; told of every change of a position here.
   */
  final LiquidationScreen screen = new LiquidationScreen();

  PerpAccountBook(VenueId venue, Ledger ledger, int markets) {
    this.venue = venue;
    this.ledger = ledger;
    this.markets = markets;
    this.size = new double[markets][16];
    this.entry = new double[markets][16];
    this.longs = new BitSet[markets];
    this.shorts = new BitSet[markets];
    for (int i = 0; i < markets; i++) {
      longs[i] = new BitSet();
      shorts[i] = new BitSet();
    }
  }

  /** Opens the venue's record of a margin account already open in the ledger. */
  MarginAccount open(AccountId id) {
    if (count == slot.length) {
      grow(2 * count);
    }
    int o = count++;
    MarginAccount a = new MarginAccount(id, ledger.indexOf(id), o, this);
    slot[o] = a.slot;
    partialAt[o] = MarginAccount.NEVER;
    accounts.put(id, a);
    return a;
  }

  /**
   * Closes the record of {@code id}, the account opened last, which holds no position; its row is
   * cleared and the next account opened takes its ordinal.
   *
   * @throws IllegalStateException if it is not the last opened or holds a position
   */
  void discard(AccountId id) {
    MarginAccount a = require(id);
    if (a.hasPositions()) {
      throw new IllegalStateException(id + " holds positions");
    }
    accounts.removeLast(id);
    int o = --count;
    for (int i = 0; i < markets; i++) {
      size[i][o] = 0;
      entry[i][o] = 0;
    }
    equity[o] = 0;
    initial[o] = 0;
    maintenance[o] = 0;
    markedSerial[o] = 0;
    partialAt[o] = MarginAccount.NEVER;
    borrowed[o] = 0;
  }

  private void grow(int n) {
    slot = Arrays.copyOf(slot, n);
    for (int i = 0; i < markets; i++) {
      size[i] = Arrays.copyOf(size[i], n);
      entry[i] = Arrays.copyOf(entry[i], n);
    }
    equity = Arrays.copyOf(equity, n);
    initial = Arrays.copyOf(initial, n);
    maintenance = Arrays.copyOf(maintenance, n);
    markedSerial = Arrays.copyOf(markedSerial, n);
    partialAt = Arrays.copyOf(partialAt, n);
    borrowed = Arrays.copyOf(borrowed, n);
  }

  /** Opens the record of the backstop vault, a margin account that is never liquidated. */
  MarginAccount openVault(AccountId id) {
    vault = open(id);
    return vault;
  }

  /** The backstop vault's account, null without a backstop. */
  MarginAccount vault() {
    return vault;
  }

  /** The backstop vault's ordinal, -1 without a backstop. */
  int vaultOrdinal() {
    return vault == null ? -1 : vault.ordinal;
  }

  /** The account {@code id}, or null. */
  MarginAccount get(AccountId id) {
    return accounts.get(id);
  }

  /**
   * The account {@code id}.
   *
   * @throws IllegalArgumentException if the venue has no such account
   */
  MarginAccount require(AccountId id) {
    MarginAccount a = accounts.get(id);
    if (a == null) {
      throw new IllegalArgumentException(venue + " has no margin account " + id);
    }
    return a;
  }

  boolean contains(AccountId id) {
    return accounts.containsKey(id);
  }

  /** Every account, in the order opened. */
  Collection<MarginAccount> all() {
    return accounts.values();
  }

  int size() {
    return count;
  }

  int markets() {
    return markets;
  }

  /** The account opened {@code ordinal}-th. */
  MarginAccount byOrdinal(int ordinal) {
    return accounts.at(ordinal);
  }

  // --- the columns, for passes over every account; a column is replaced when the book grows

  /** Ledger slots by ordinal. */
  int[] slotColumn() {
    return slot;
  }

  /** Position sizes in market {@code i} by ordinal; write them only through {@link #setSize}. */
  double[] sizeColumn(int i) {
    return size[i];
  }

  /** Entry prices in market {@code i} by ordinal. */
  double[] entryColumn(int i) {
    return entry[i];
  }

  double[] equityColumn() {
    return equity;
  }

  double[] initialColumn() {
    return initial;
  }

  double[] maintenanceColumn() {
    return maintenance;
  }

  /** Stores the margin state of account {@code ordinal}. */
  void setState(int ordinal, double equity, double initial, double maintenance) {
    this.equity[ordinal] = equity;
    this.initial[ordinal] = initial;
    this.maintenance[ordinal] = maintenance;
  }

  /** The stored margin state of account {@code ordinal}, as a value. */
  MarginState state(int ordinal) {
    return new MarginState(equity[ordinal], initial[ordinal], maintenance[ordinal]);
  }

  /**
   * Whether the stored state of account {@code ordinal} is liquidatable, as {@link
   * MarginState#liquidatable()}.
   */
  boolean liquidatable(int ordinal) {
    double m = maintenance[ordinal];
    return m > 0 && equity[ordinal] < m;
  }

  boolean hasPositions(int ordinal) {
    for (int i = 0; i < markets; i++) {
      if (size[i][ordinal] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ordinals of the accounts on the other side of a position of sign {@code s} in market {@code
   * i}.
   */
  BitSet opposite(int i, double s) {
    return s > 0 ? shorts[i] : longs[i];
  }

  /** Whether the per-market index agrees with the account's size in market {@code i}. */
  boolean indexAgrees(MarginAccount a, int i) {
    double s = size[i][a.ordinal];
    return longs[i].get(a.ordinal) == s > 0 && shorts[i].get(a.ordinal) == s < 0;
  }

  /** Sets a position's size, keeping the per-market index of long and short accounts. */
  void setSize(MarginAccount a, int i, double size) {
    this.size[i][a.ordinal] = size;
    screen.touch(a.ordinal);
    longs[i].set(a.ordinal, size > 0);
    shorts[i].set(a.ordinal, size < 0);
  }

  /**
   * Applies a trade of {@code size} at {@code price} to a position and returns the PnL it realises
   * (the reduced part at the trade price); the caller settles it.
   */
  double applyTrade(MarginAccount a, int i, double size, double price) {
    double old = a.size(i);
    double oldEntry = a.entry(i);
    double next = old + size;
    double reduced =
        old != 0 && Math.signum(old) != Math.signum(size)
            ? Math.min(Math.abs(size), Math.abs(old))
            : 0;
    double realized = Math.signum(old) * reduced * (price - oldEntry);
    if (Math.abs(next) <= 1e-12 * Math.max(Math.abs(old), Math.abs(size))) {
      next = 0;
    }
    setSize(a, i, next);
    if (next == 0) {
      a.setEntry(i, 0);
    } else if (reduced == 0) {
      a.setEntry(i, (old * oldEntry + size * price) / next);
    } else if (Math.signum(next) != Math.signum(old)) {
      a.setEntry(i, price);
    }
    return realized;
  }
}
