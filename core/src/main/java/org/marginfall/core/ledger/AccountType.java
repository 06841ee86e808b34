package org.marginfall.core.ledger;

/**
 * Whether a ledger account may hold a negative balance.
 *
 * <p>Every asset's balances sum to exactly zero over all accounts. Quantities enter the model from
 * an {@link #EXTERNAL} account (the outside world, an outside market that buys what is sold, a
 * venue's bad-debt account), which goes negative by what it has given out; every other account must
 * stay at or above zero, so a hole can only appear as an explicit external balance. Immutable and
 * thread-safe.
 */
public enum AccountType {
  /** Holds what it owns; can never go below zero. */
  ORDINARY,
  /** A source or sink at the model's boundary; its negative balance is what it has given out. */
  EXTERNAL
}
