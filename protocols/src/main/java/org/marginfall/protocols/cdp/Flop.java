package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.AccountId;

/**
 * One debt auction (flop.sol {@code bids[id]}): the lot of the governance token the high bid
 * accepts, the high bidder, when that bid wins and when the auction ends. The bid itself is the
 * fixed {@code sump}. Times are simulated seconds.
 *
 * <p>Mutable and not thread-safe.
 */
final class Flop {
  final long id;

  /** Atoms of the minted asset the high bid accepts (the kick's {@code dump} before any bid). */
  long lot;

  /** The high bidder; null until the first bid (flop.sol's {@code guy} is then the Vow). */
  AccountId guy;

  /** When the high bid wins, in seconds; 0 before any bid (flop.sol {@code tic}). */
  double tic;

  /** When the auction ends, in seconds (flop.sol {@code end}). */
  double end;

  Flop(long id, long lot, double end) {
    this.id = id;
    this.lot = lot;
    this.end = end;
  }
}
