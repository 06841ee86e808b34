package org.marginfall.protocols.cdp;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.VenueId;

/** A test population of one owner who, at set-up, opens a vault, locks collateral and draws debt. */
record VaultOpener(String id, VenueId venue, AccountId owner, AssetId ilk, double collateral, double debt)
    implements Population {

  @Override
  public void setUp(AgentContext ctx) {
    VaultVenue v = (VaultVenue) ctx.venue(venue);
    ctx.openAccount(owner);
    ctx.endow(owner, ilk, Quantities.atoms(collateral));
    AccountId vault = v.openVault(owner, ilk);
    v.lock(owner, vault, Quantities.atoms(collateral));
    v.draw(vault, owner, Quantities.atoms(debt));
  }
}
