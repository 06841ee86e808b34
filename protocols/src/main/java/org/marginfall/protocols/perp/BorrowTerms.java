package org.marginfall.protocols.perp;

import org.marginfall.core.util.Checks;

/**
 * A lending book on a perpetual venue: accounts may borrow its base currency against their margin
 * health, unrealised PnL included, as Mango Markets v3 allowed (health = Σ weighted assets − Σ
 * weighted liabilities over token deposits, borrows and perp positions; project
 * blockworks-foundation/mango-docs, mango-v3/overview.md; docs/venues.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param lendable base currency the venue's lenders have deposited and that accounts may borrow
 * @param pnlWeight the weight positive unrealised PnL counts with towards borrowing room: 1 counts
 *     it in full (v3 on 11 Oct 2022), 0 not at all (v4's {@code overallAssetWeight = 0} for
 *     untrusted perp markets, project blockworks-foundation/mango-v4, health/cache.rs)
 */
public record BorrowTerms(double lendable, double pnlWeight) {

  /** Validates the fields. */
  public BorrowTerms {
    Checks.positive(lendable, "lendable");
    Checks.fraction(pnlWeight, "pnlWeight");
  }
}
