package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.VenueId;

/**
 * The perpetual venue's margin accounts: by id, in the order they were opened, and per market the
 * accounts long and short in it. It exists so that every change of a position's size goes through
 * the one place that keeps that per-market index true; auto-deleveraging looks for opposite
 * positions in it instead of among every account.
 *
 * <p>Mutable and not thread-safe.
 */
final class PerpAccountBook {

  private final VenueId venue;
  private final Ledger ledger;
  private final int markets;
  private final AccountTable<MarginAccount> accounts = new AccountTable<>();
  /** Every account by its ordinal, in the order accounts were opened. */
  private final List<MarginAccount> byOrdinal = new ArrayList<>();
  /** Per market, the ordinals of the accounts long (and short) in it. */
  private final BitSet[] longs;
  private final BitSet[] shorts;
  /** The backstop vault's account, null without a backstop. */
  private MarginAccount vault;
  /** Which accounts a liquidation round must mark again; told of every change of a position here. */
  final LiquidationScreen screen = new LiquidationScreen();

  PerpAccountBook(VenueId venue, Ledger ledger, int markets) {
    this.venue = venue;
    this.ledger = ledger;
    this.markets = markets;
    this.longs = new BitSet[markets];
    this.shorts = new BitSet[markets];
    for (int i = 0; i < markets; i++) {
      longs[i] = new BitSet();
      shorts[i] = new BitSet();
    }
  }

  /** Opens the venue's record of a margin account already open in the ledger. */
  MarginAccount open(AccountId id) {
    MarginAccount a = new MarginAccount(id, ledger.indexOf(id), byOrdinal.size(), markets);
    accounts.put(id, a);
    byOrdinal.add(a);
    return a;
  }

  /**
   * Closes the record of {@code id}, the account opened last, which holds no position (its
   * per-market index bits are clear); the next account opened takes its ordinal.
   *
   * @throws IllegalStateException if it is not the last opened or holds a position
   */
  void discard(AccountId id) {
    MarginAccount a = require(id);
    if (a.hasPositions()) {
      throw new IllegalStateException(id + " holds positions");
    }
    accounts.removeLast(id);
    byOrdinal.remove(byOrdinal.size() - 1);
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
    return accounts.size();
  }

  /** The account opened {@code ordinal}-th. */
  MarginAccount byOrdinal(int ordinal) {
    return byOrdinal.get(ordinal);
  }

  /** The ordinals of the accounts on the other side of a position of sign {@code s} in market {@code i}. */
  BitSet opposite(int i, double s) {
    return s > 0 ? shorts[i] : longs[i];
  }

  /** Whether the per-market index agrees with the account's size in market {@code i}. */
  boolean indexAgrees(MarginAccount a, int i) {
    return longs[i].get(a.ordinal) == a.size[i] > 0 && shorts[i].get(a.ordinal) == a.size[i] < 0;
  }

  /** Sets a position's size, keeping the per-market index of long and short accounts. */
  void setSize(MarginAccount a, int i, double size) {
    a.size[i] = size;
    screen.touch(a.ordinal);
    longs[i].set(a.ordinal, size > 0);
    shorts[i].set(a.ordinal, size < 0);
  }

  /**
   * Applies a trade of {@code size} at {@code price} to a position and returns the PnL it realises
   * (the reduced part at the trade price); the caller settles it.
   */
  double applyTrade(MarginAccount a, int i, double size, double price) {
    double old = a.size[i];
    double oldEntry = a.entry[i];
    double next = old + size;
    double reduced = old != 0 && Math.signum(old) != Math.signum(size) ? Math.min(Math.abs(size), Math.abs(old)) : 0;
    double realized = Math.signum(old) * reduced * (price - oldEntry);
    if (Math.abs(next) <= 1e-12 * Math.max(Math.abs(old), Math.abs(size))) {
      next = 0;
    }
    setSize(a, i, next);
    if (next == 0) {
      a.entry[i] = 0;
    } else if (reduced == 0) {
      a.entry[i] = (old * oldEntry + size * price) / next;
    } else if (Math.signum(next) != Math.signum(old)) {
      a.entry[i] = price;
    }
    return realized;
  }
}
