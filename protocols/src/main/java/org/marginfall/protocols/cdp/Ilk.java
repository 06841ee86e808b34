package org.marginfall.protocols.cdp;

import org.marginfall.core.ledger.Precision;

/**
 * Run state of one collateral type: its terms, its limits in base-currency atoms, the stability
 * fee's rate accumulator and the tabs its running auctions still claim on its hole.
 *
 * <p>Mutable and not thread-safe.
 */
final class Ilk {
  /** Its place in the order the collateral types were declared. */
  final int index;

  final CdpIlk terms;

  /** How finely the ledger counts the collateral: ink, lots, slices. */
  final Precision collateral;

  /** The base currency's decimals minus the collateral's (see {@link Liquidations2Math#take}). */
  final int shift;

  final long dust;
  final long hole;
  final long tip;
  final long chost;
  double rate = 1;
  long dirt;

  Ilk(int index, CdpIlk terms, Precision collateral, Precision base) {
    this.index = index;
    this.terms = terms;
    this.collateral = collateral;
    this.shift = base.decimals() - collateral.decimals();
    this.dust = base.floorAtoms(terms.dust());
    this.hole = base.floorAtoms(terms.hole());
    this.tip = base.floorAtoms(terms.tip());
    this.chost = Liquidations2Math.chost(dust, terms.chop());
  }

  /** Whether a bark or a reset pays a keeper incentive at all. */
  boolean paysIncentive() {
    return tip > 0 || terms.chip() > 0;
  }
}
