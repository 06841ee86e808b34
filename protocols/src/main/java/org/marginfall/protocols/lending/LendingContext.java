package org.marginfall.protocols.lending;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;

/**
 * What every part of the lending pool is wired to: its terms, the run's services, the ledger, the
 * base currency and its precision, and the treasury account. One record so that the parts take one
 * argument for their wiring.
 *
 * @param treasury holds the receipts the reserve factor and protocol fees mint (see {@link
 *     LendingPool})
 */
record LendingContext(
    LendingVenueSpec spec,
    VenueServices services,
    Ledger ledger,
    AssetId base,
    Precision basePrecision,
    AccountId treasury) {

  /** The venue's id as events name it. */
  String venue() {
    return spec.id().value();
  }

  long step() {
    return services.clock().step();
  }

  int round() {
    return services.clock().round();
  }

  /** The venue's price of {@code asset}: 1 for the base currency, else its oracle's. */
  double price(AssetId asset) {
    return asset.equals(base) ? 1.0 : services.oracles().price(spec.oracle(), asset);
  }

  static void positive(long atoms, String name) {
    if (atoms <= 0) {
      throw new IllegalArgumentException(name + ": must be > 0, was " + atoms);
    }
  }
}
