package org.marginfall.core.venue;

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
public record LiquidationCandidate(VenueId venue, AccountId account, MarginState state) {}
