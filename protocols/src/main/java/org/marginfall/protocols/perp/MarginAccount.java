package org.marginfall.protocols.perp;

import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;

/**
 * One margin account of a perpetual venue: its positions as columns by market index, and where it
 * sits in the ledger and in the venue's account order, so a pass over every account reads balances
 * and updates indexes without lookups.
 *
 * <p>Mutable and not thread-safe.
 */
final class MarginAccount {
  final AccountId id;
  /** The account's ledger index, so marking reads collateral balances without lookups. */
  final int slot;
  /** The account's place in the venue's account order (the order accounts were opened in). */
  final int ordinal;
  final double[] size;
  final double[] entry;
  MarginState state = new MarginState(0, 0, 0);
  /** The serial of the last mark whose prices {@link #state} is at, or later (see PerpRiskView). */
  long markedSerial;

  /** Base-currency atoms the account owes the venue's lending book ({@link PerpBank}); a liability in its equity. */
  long borrowed;

  /** The step of the account's last liquidation that closed part of a position, {@link #NEVER} if none. */
  long partialAt = NEVER;

  /** {@link #partialAt} of an account never partially liquidated. */
  static final long NEVER = Long.MIN_VALUE;

  MarginAccount(AccountId id, int slot, int ordinal, int markets) {
    this.id = id;
    this.slot = slot;
    this.ordinal = ordinal;
    this.size = new double[markets];
    this.entry = new double[markets];
  }

  boolean hasPositions() {
    for (double s : size) {
      if (s != 0) {
        return true;
      }
    }
    return false;
  }
}
