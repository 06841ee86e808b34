package org.marginfall.agents.depositor;

import java.util.LinkedHashSet;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reference checks for populations on a lending venue: the venue must be a lending one (it issues
 * receipts and lists no perpetuals, as {@code VenueSpec} has no lending flag) and the asset must be
 * one of its reserves. Stateless and thread-safe.
 */
public final class LendingRefs {

  private LendingRefs() {}

  /** The lending venue named in {@code field}, or null after a reported failure. */
  public static VenueSpec venue(SpecNode node, String field, SpecContext context) {
    VenueSpec venue = context.venueRef(node, field);
    if (venue != null && (venue.listsPerpetuals() || venue.issuedAssets().isEmpty())) {
      node.get(field)
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a lending one");
      return null;
    }
    return venue;
  }

  /**
   * Reads an asset reference that must be in {@code allowed}; null after a reported failure. {@code
   * role} qualifies the reserve in the message ("collateral ", "borrowable " or "").
   */
  public static AssetId asset(
      SpecNode node,
      String field,
      SpecContext context,
      VenueSpec venue,
      Set<AssetId> allowed,
      String role) {
    AssetId a = context.assetRef(node, field);
    if (a != null && venue != null && !allowed.contains(a)) {
      node.get(field)
          .fail(
              "venue '"
                  + venue.id()
                  + "' has no "
                  + role
                  + "reserve for "
                  + a
                  + " (has: "
                  + SpecContext.declared(allowed)
                  + ")");
      return null;
    }
    return a;
  }

  /** The venue's reserve assets: what it lends and what it takes as collateral. */
  public static Set<AssetId> reserves(VenueSpec venue) {
    Set<AssetId> out = new LinkedHashSet<>(venue.tradableAssets());
    out.addAll(venue.collateralAssets());
    return out;
  }
}
