package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.AccountId;

/**
 * One flip auction (flip.sol {@code bids[id]}): its {@link Sale} carries the books the {@link Vow}
 * settles (the debt taken over, the collateral left, what was raised); this adds the English
 * auction's state: the high bid, the high bidder, when that bid expires and when the auction ends.
 * Times are simulated seconds. {@code sale.tab} is the whole tab the tend phase bids up to.
 *
 * <p>Mutable and not thread-safe.
 */
final class Flip {
  final Sale sale;

  /** The high bid in base atoms, paid to the Vow as it was bid up. */
  long bid;

  /** The high bidder; null until the first bid (flip.sol's {@code guy} is then the Cat). */
  AccountId guy;

  /** When the high bid wins, in seconds; 0 before any bid (flip.sol {@code tic}). */
  double tic;

  /** When the auction ends, in seconds (flip.sol {@code end}). */
  double end;

  /** Collateral the dent phase gave back to the vault, in atoms. */
  long returned;

  Flip(Sale sale, double end) {
    this.sale = sale;
    this.end = end;
  }

  /**
   * Whether the tend phase is over: the bid has reached the tab and bidders now bid the lot down.
   */
  boolean dentPhase() {
    return bid == sale.tab;
  }
}
