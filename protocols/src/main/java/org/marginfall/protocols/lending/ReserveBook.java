package org.marginfall.protocols.lending;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;

/**
 * The lending pool's reserves by index and by asset, with the two moves every part makes on a
 * reserve's receipts: minting them for a deposit and burning them.
 *
 * <p>Mutable and not thread-safe.
 */
final class ReserveBook {

  private final LendingContext c;
  final List<Reserve> reserves = new ArrayList<>();
  private final Map<AssetId, Reserve> byAsset = new LinkedHashMap<>();

  /**
   * Opens each reserve's pool and issuer accounts and defines its receipt's price in the shared
   * markets, reserve by reserve in the order declared.
   */
  ReserveBook(LendingContext c) {
    this.c = c;
    Ledger ledger = c.ledger();
    String v = c.venue();
    for (ReserveTerms t : c.spec().reserves()) {
      AccountId pool = AccountId.of(v, "reserves", t.asset().value());
      AccountId issuer = AccountId.of(v, "issuers", t.receipt().value());
      ledger.open(pool, AccountType.ORDINARY);
      ledger.open(issuer, AccountType.EXTERNAL);
      Reserve r =
          new Reserve(
              reserves.size(),
              t,
              pool,
              issuer,
              ledger.precision(t.asset()),
              ledger.precision(t.receipt()),
              ledger.assetIndexOf(t.receipt()));
      reserves.add(r);
      byAsset.put(t.asset(), r);
      // NAV per receipt at the underlying's market price (what redeeming and selling would
      // fetch); the venue's own risk checks use its oracle. Oracles are built after venues and
      // read this NAV for their initial feeds, so it must not depend on an oracle.
      c.services()
          .markets()
          .defineDerived(
              t.receipt(),
              () -> r.rate() * c.services().markets().price(t.asset()),
              t.asset(),
              () -> r.lossIndex);
    }
  }

  /** The reserves' underlying assets in the order declared. */
  Set<AssetId> assets() {
    return new LinkedHashSet<>(byAsset.keySet());
  }

  int size() {
    return reserves.size();
  }

  Reserve reserve(AssetId asset) {
    Reserve r = byAsset.get(asset);
    if (r == null) {
      throw new IllegalArgumentException(c.spec().id() + " has no reserve for " + asset);
    }
    return r;
  }

  /**
   * Takes {@code atoms} of the underlying from {@code from} and mints receipts for them to {@code
   * holder}.
   */
  long mintFor(AccountId from, AccountId holder, Reserve r, long atoms) {
    LendingContext.positive(atoms, "atoms");
    double units = r.precision.units(atoms);
    if (r.assets() + units > r.terms.supplyCap()) {
      throw new IllegalStateException(
          c.spec().id()
              + ": supplying "
              + units
              + " "
              + r.terms.asset()
              + " exceeds the supply cap");
    }
    double rate = r.rate();
    if (!(rate > 0)) {
      // Socialised losses wiped the reserve out: a new receipt would have no defined price.
      throw new IllegalStateException(
          c.spec().id() + ": reserve " + r.terms.asset() + " has lost all its assets");
    }
    long minted = (long) Math.floor(r.receiptAtoms(atoms / rate));
    if (minted <= 0) {
      throw new IllegalArgumentException(
          c.spec().id()
              + ": "
              + units
              + " "
              + r.terms.asset()
              + " are worth less than the smallest "
              + r.terms.receipt()
              + " the ledger counts ("
              + r.receiptPrecision.units(1)
              + ")");
    }
    c.ledger().transfer(from, r.pool, r.terms.asset(), atoms);
    r.cash += atoms;
    c.ledger().transfer(r.issuer, holder, r.terms.receipt(), minted);
    r.receipts += minted;
    return minted;
  }

  void burn(Reserve r, AccountId holder, long receiptAtoms) {
    c.ledger().transfer(holder, r.issuer, r.terms.receipt(), receiptAtoms);
    r.receipts -= receiptAtoms;
  }
}
