package org.marginfall.protocols.cdp;

import org.marginfall.core.util.Checks;

/**
 * The terms of Maker's Liquidations 1.0 English collateral auctions (flip.sol with cat.sol's {@code
 * lump} and {@code chop}), which a CDP venue runs instead of Clipper Dutch auctions when it has
 * them: {@code tend} bids base currency up to the tab in steps of at least {@code beg}, then {@code
 * dent} bids the collateral down by at least {@code beg}; a bid wins once {@code ttl} seconds pass
 * without a better one or the auction reaches {@code tau} seconds. Source: makerdao/dss
 * src/flip.sol and src/cat.sol (2019 MCD launch).
 *
 * <p>Immutable and thread-safe.
 *
 * @param beg minimum bid increase (tend) and lot decrease (dent) factor, e.g. 1.03
 * @param ttl seconds a bid lives before it wins (flip.sol {@code ttl}; 10 minutes in March 2020)
 * @param tau most seconds an auction runs (flip.sol {@code tau}; 3 days in March 2020)
 * @param lump most collateral units one bite puts into an auction (cat.sol {@code lump}; 50 ETH)
 */
public record FlipTerms(double beg, double ttl, double tau, double lump) {

  /** Validates the fields. */
  public FlipTerms {
    if (!(beg > 1)) {
      throw new IllegalArgumentException("beg: must be above 1, was " + beg);
    }
    Checks.positive(ttl, "ttl");
    Checks.positive(tau, "tau");
    Checks.positive(lump, "lump");
  }
}
