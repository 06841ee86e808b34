package org.marginfall.protocols.cdp;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.VenueId;

/**
 * A test population of one owner who, at set-up, opens a vault, locks collateral and draws debt.
 */
record VaultOpener(
    String id, VenueId venue, AccountId owner, AssetId ilk, double collateral, double debt)
    implements Population {

  @Override
  public void setUp(AgentContext ctx) {
    VaultVenue v = (VaultVenue) ctx.venue(venue);
    ctx.openAccount(owner);
    // The run chooses each asset's decimals: quantities are converted at the ledger's precision.
    Precision coll = ctx.precision(ilk);
    ctx.endow(owner, ilk, coll.atoms(collateral));
    AccountId vault = v.openVault(owner, ilk);
    v.lock(owner, vault, coll.atoms(collateral));
    v.draw(vault, owner, ctx.precision(ctx.baseCurrency()).atoms(debt));
  }
}
