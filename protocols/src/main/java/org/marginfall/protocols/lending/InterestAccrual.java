package org.marginfall.protocols.lending;

/**
 * Interest on the lending pool's reserves: once a tick each reserve's borrow index grows at its
 * kinked rate and the treasury is minted the reserve factor's share (Aave ReserveLogic).
 */
final class InterestAccrual {

  private final LendingContext c;

  InterestAccrual(LendingContext c) {
    this.c = c;
  }

  /**
   * One tick of interest: the borrow index grows by Aave's compounded factor at the kinked rate;
   * the treasury is minted {@code m = RF ΔD S / (A + (1 − RF) ΔD)} receipts, which gives it exactly
   * the reserve factor's share of the interest ΔD at the new exchange rate
   * (ReserveLogic._accrueToTreasury).
   */
  void accrue(Reserve r) {
    double debt = r.debt();
    if (debt <= 0) {
      return;
    }
    double assets = r.assets();
    double rate = r.terms.rates().borrowRate(r.utilisation());
    double growth = InterestRateCurve.compoundedGrowth(rate, c.spec().stepSeconds());
    double interest = debt * (growth - 1);
    r.borrowIndex *= growth;
    double rf = r.terms.reserveFactor();
    if (rf > 0 && r.receipts > 0) {
      long mint = (long) Math.floor(rf * interest * r.receipts / (assets + (1 - rf) * interest));
      c.ledger().transfer(r.issuer, c.treasury(), r.terms.receipt(), mint);
      r.receipts += mint;
    }
  }
}
