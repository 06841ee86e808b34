package org.marginfall.protocols.cdp;

/**
 * Stability fees (jug.sol {@code drip}): once a tick each collateral type's rate accumulator grows
 * by its fee and every vault's debt follows, the accrued fees minted to the Vow.
 *
 * <p>Mutable and not thread-safe.
 */
final class StabilityFees {

  private final CdpContext c;
  private final VaultBook book;

  /** Fees accrued over the run, in base-currency atoms. */
  long accrued;

  StabilityFees(CdpContext c, VaultBook book) {
    this.c = c;
    this.book = book;
  }

  /** jug.sol {@code drip} for every collateral type with a fee, crediting the Vow. */
  void drip() {
    for (Ilk ilk : book.ilks) {
      if (ilk.terms.stabilityFee() > 0) {
        ilk.rate *= 1 + ilk.terms.stabilityFee();
        for (int k = 0, n = book.size(); k < n; k++) {
          if (book.ilkAt(k) == ilk.index && book.debtAt(k) > 0) {
            Vault v = book.vaults.at(k);
            long atoms = c.basePrecision().ceilAtoms(book.art(v) * ilk.rate) - book.debt(v);
            if (atoms > 0) {
              c.ledger().transfer(c.issuer(), c.vow(), c.base(), atoms);
              book.accrue(v, atoms);
              accrued += atoms;
            }
          }
        }
      }
    }
  }
}
