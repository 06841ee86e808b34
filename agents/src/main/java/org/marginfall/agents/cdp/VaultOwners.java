package org.marginfall.agents.cdp;

import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.Venue;

/**
 * Vault owners: at set-up each owner, in id order, is endowed with collateral drawn from the {@code
 * collateral} distribution, locks it in a vault and draws debt down to a collateral ratio drawn
 * from {@code targetRatio}: {@code debt = collateral * price / max(ratio, mat)}, so no owner opens
 * an unsafe vault. An owner whose debt would be below the venue's dust draws nothing. They keep the
 * drawn base currency and do not act afterwards, so a price fall leaves their vaults to the
 * liquidators. Mutable and not thread-safe.
 */
public final class VaultOwners implements Population {

  private final VaultOwnersSpec spec;
  private final RandomStream stream;
  private int vaultsWithDebt;

  VaultOwners(VaultOwnersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  /** How many owners drew debt at set-up (the others were below dust). */
  public int vaultsWithDebt() {
    return vaultsWithDebt;
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof VaultVenue venue)) {
      throw new IllegalStateException(
          "population "
              + spec.id()
              + ": venue "
              + spec.venue()
              + " is a "
              + v.type()
              + " venue, not a vault venue");
    }
    double mat = venue.liquidationRatio(spec.ilk());
    double price = venue.collateralPrice(spec.ilk());
    Precision cash = ctx.precision(ctx.baseCurrency());
    Precision collateral = ctx.precision(spec.ilk());
    long dust = cash.ceilAtoms(venue.dust(spec.ilk()));
    for (int k = 0; k < spec.count(); k++) {
      AccountId owner = AgentAccounts.member(spec.id(), k, spec.count(), 3);
      long ink = collateral.floorAtoms(stream.next(spec.collateral()));
      double ratio = Math.max(stream.next(spec.targetRatio()), mat);
      ctx.openAccount(owner);
      ctx.endow(owner, spec.ilk(), ink);
      AccountId vault = venue.openVault(owner, spec.ilk());
      venue.lock(owner, vault, ink);
      // Rounded down, so the vault's ratio is at least the target.
      long debt = cash.floorAtoms(collateral.units(ink) * price / ratio);
      if (debt > 0 && debt >= dust) {
        venue.draw(vault, owner, debt);
        vaultsWithDebt++;
      }
    }
  }
}
