package org.marginfall.protocols.cdp;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;

/**
 * What every part of the CDP venue is wired to: its terms, the run's services, the ledger, the base
 * currency and its precision, and the venue's system accounts (see {@link CdpVenue} for the ledger
 * layout). One record so that the parts take one argument for their wiring, not ten.
 *
 * @param issuer mints the base currency vaults draw and keepers are paid; takes back what is healed
 * @param vow the system surplus: stability fees, auction proceeds, the initial buffer
 * @param auctions the collateral for sale in running auctions
 * @param badDebt writes off what the surplus could not heal
 * @param gemIssuer mints the debt auctions' governance token to their winners; null without them
 */
record CdpContext(
    CdpVenueSpec spec,
    VenueServices services,
    Ledger ledger,
    AssetId base,
    Precision basePrecision,
    AccountId issuer,
    AccountId vow,
    AccountId auctions,
    AccountId badDebt,
    AccountId gemIssuer) {

  /**
   * Opens the venue's system accounts and funds the Vow with the surplus buffer, in that order (the
   * order of their effects on the ledger).
   */
  static CdpContext open(CdpVenueSpec spec, VenueServices services) {
    Ledger ledger = services.ledger();
    AssetId base = services.baseCurrency();
    Precision basePrecision = ledger.precision(base);
    String v = spec.id().value();
    CdpContext c =
        new CdpContext(
            spec,
            services,
            ledger,
            base,
            basePrecision,
            AccountId.of(v, "issuer"),
            AccountId.of(v, "vow"),
            AccountId.of(v, "auctions"),
            AccountId.of(v, "bad-debt"),
            spec.flop() == null ? null : AccountId.of(v, "gem-issuer"));
    ledger.open(c.issuer, AccountType.EXTERNAL);
    ledger.open(c.vow, AccountType.ORDINARY);
    ledger.open(c.auctions, AccountType.ORDINARY);
    ledger.open(c.badDebt, AccountType.EXTERNAL);
    if (c.gemIssuer != null) {
      ledger.open(c.gemIssuer, AccountType.EXTERNAL);
    }
    ledger.transfer(Ledger.EXTERNAL, c.vow, base, basePrecision.floorAtoms(spec.surplusBuffer()));
    return c;
  }

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

  /** Base-currency atoms as units. */
  double units(long atoms) {
    return basePrecision.units(atoms);
  }

  /** The venue's oracle price of {@code asset} now. */
  double oraclePrice(AssetId asset) {
    return services.oracles().price(spec.oracle(), asset);
  }
}
