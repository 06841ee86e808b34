package org.marginfall.agents.cdp;

import org.marginfall.agents.snapshot.InvalidRow;
import org.marginfall.agents.snapshot.Rejections;
import org.marginfall.agents.snapshot.VaultRow;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.Venue;

/**
 * Vaults loaded from a snapshot at set-up, then held (their owners keep the drawn base currency and
 * do not act, like {@link VaultOwners}).
 *
 * <p>In file order, vault {@code u} of the file is opened for the owner {@code <population>/<u>}:
 * its collateral is endowed and locked and its debt ({@code art * rate}, rounded up to an atom)
 * drawn. A vault the venue would not let exist is refused before anything moves, by the Vat's own
 * test (makerdao/dss vat.sol, frob: safe when {@code ink * spot >= art * rate} with {@code spot =
 * price / mat}, and debt either 0 or at least the ilk's dust), read from the venue's {@link
 * VaultVenue#liquidationRatio}, {@link VaultVenue#collateralPrice} and {@link VaultVenue#dust}.
 * Mutable and not thread-safe.
 */
public final class SnapshotVaults implements Population {

  private final SnapshotVaultsSpec spec;

  SnapshotVaults(SnapshotVaultsSpec spec) {
    this.spec = spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof VaultVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a vault venue");
    }
    Rejections rejections = new Rejections(spec.id(), spec.venue().value(), spec.snapshot());
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (VaultRow row : spec.rows()) {
      Precision collateral = ctx.precision(row.ilk());
      long ink = collateral.floorAtoms(row.collateral());
      long debt = cash.ceilAtoms(row.debt());
      String refused = refusal(venue, row, collateral.units(ink), debt, cash);
      if (refused != null) {
        rejections.reject(
            row.line(),
            InvalidRow.Reason.REJECTED_AT_START,
            "vault " + row.vault() + ": " + refused);
        continue;
      }
      if (ink == 0 && debt == 0) {
        continue;
      }
      AccountId owner = AccountId.of(spec.id(), row.vault());
      ctx.openAccount(owner);
      AccountId vault = venue.openVault(owner, row.ilk());
      if (ink > 0) {
        ctx.endow(owner, row.ilk(), ink);
        venue.lock(owner, vault, ink);
      }
      if (debt > 0) {
        venue.draw(vault, owner, debt);
      }
    }
    rejections.finish(ctx);
  }

  /** Why the venue would not let the vault exist, or null. */
  private static String refusal(
      VaultVenue venue, VaultRow row, double ink, long debt, Precision cash) {
    if (debt == 0) {
      return null;
    }
    long dust = cash.ceilAtoms(venue.dust(row.ilk()));
    if (debt < dust) {
      return "debt "
          + cash.units(debt)
          + " is below the dust of "
          + row.ilk()
          + " ("
          + venue.dust(row.ilk())
          + ")";
    }
    double value = ink * venue.collateralPrice(row.ilk());
    double required = cash.units(debt) * venue.liquidationRatio(row.ilk());
    if (value < required) {
      return "unsafe at the start: collateral worth "
          + value
          + " is below debt times mat, "
          + required;
    }
    return null;
  }
}
