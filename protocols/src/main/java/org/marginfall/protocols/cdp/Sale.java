package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.AccountId;

/**
 * One Clipper sale (clip.sol {@code sales[id]}): what it must still raise ({@code tab}), the
 * collateral left ({@code lot}), its starting price and start step, and its share of the Vow's debt
 * queue ({@code sin}: the debt taken over plus incentives paid for it).
 *
 * <p>Mutable and not thread-safe.
 */
final class Sale {
  final long id;
  final Ilk ilk;
  final Vault vault;
  final AccountId keeper;
  final long due;
  long tab;
  long lot;
  double top;
  long tic;
  long sin;
  long raised;

  Sale(long id, Ilk ilk, Vault vault, AccountId keeper, long due, long tab, long lot) {
    this.id = id;
    this.ilk = ilk;
    this.vault = vault;
    this.keeper = keeper;
    this.due = due;
    this.tab = tab;
    this.lot = lot;
  }
}
