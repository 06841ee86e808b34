package org.marginfall.core.venue;

import java.util.Comparator;

import org.marginfall.core.ledger.AccountId;

/**
 * An account a venue reports as liquidatable, with the margin state that makes it so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue
 * @param account the venue margin account
 * @param state its margin state when marked
 */
public record LiquidationCandidate(VenueId venue, AccountId account, MarginState state) {

  /** The order venues list candidates in: most underwater (lowest health) first, ties by account. */
  public static final Comparator<LiquidationCandidate> MOST_UNDERWATER_FIRST =
      Comparator.comparingDouble((LiquidationCandidate c) -> c.state().health())
          .thenComparing(LiquidationCandidate::account);
}
