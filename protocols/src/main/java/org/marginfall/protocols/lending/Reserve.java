package org.marginfall.protocols.lending;

import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AtomScale;
import org.marginfall.core.ledger.Precision;

/**
 * One reserve's books. Cash is counted in atoms of the underlying, receipts in atoms of the receipt
 * asset; the two may have different decimals. The exchange rate is underlying units per receipt
 * unit.
 *
 * <p>Mutable and not thread-safe.
 */
final class Reserve {
  final int index;
  final ReserveTerms terms;
  final AccountId pool;
  final AccountId issuer;

  /** The underlying's precision: cash, debt, deficit. */
  final Precision precision;

  /** The receipt's precision: receipts. */
  final Precision receiptPrecision;

  /** Receipt atoms to underlying atoms, {@code 10^(underlying decimals - receipt decimals)}. */
  final AtomScale scale;

  /** The receipt asset's ledger index. */
  final int receiptSlot;

  long cash;
  long receipts;
  double borrowIndex = 1;
  double scaledDebt;
  double deficit;

  /** The exchange rate as a fraction of what it would be without socialised losses. */
  double lossIndex = 1;

  Reserve(
      int index,
      ReserveTerms terms,
      AccountId pool,
      AccountId issuer,
      Precision precision,
      Precision receiptPrecision,
      int receiptSlot) {
    this.index = index;
    this.terms = terms;
    this.pool = pool;
    this.issuer = issuer;
    this.precision = precision;
    this.receiptPrecision = receiptPrecision;
    this.scale = AtomScale.between(receiptPrecision, precision);
    this.receiptSlot = receiptSlot;
  }

  /** {@code x} receipt atoms' worth (receipt atoms times the rate) in underlying atoms. */
  double cashAtoms(double x) {
    return scale.apply(x);
  }

  /** {@code x} underlying atoms' worth (underlying atoms over the rate) in receipt atoms. */
  double receiptAtoms(double x) {
    return scale.invert(x);
  }

  double debt() {
    return scaledDebt * borrowIndex;
  }

  /** Underlying the reserve owns: cash, loans and (in deficit mode) the claim it recorded. */
  double assets() {
    return precision.units(cash) + debt() + deficit;
  }

  /** Assets per receipt; 1 before anything was supplied. */
  double rate() {
    return receipts > 0 ? assets() / receiptPrecision.units(receipts) : 1.0;
  }

  /** Aave's supply usage ratio: debt / (available cash + debt); 0 for an empty reserve. */
  double utilisation() {
    double debt = debt();
    double total = precision.units(cash) + debt;
    return total > 0 ? Math.min(1, debt / total) : 0;
  }
}
