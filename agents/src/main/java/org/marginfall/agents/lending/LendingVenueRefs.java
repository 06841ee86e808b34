package org.marginfall.agents.lending;

import java.util.LinkedHashSet;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reference checks the lending populations share: the venue must be a lending venue and the assets
 * must be among its reserves. A lending venue is recognised by issuing receipts, as {@code
 * VenueSpec} has no lending flag. Stateless and thread-safe.
 */
final class LendingVenueRefs {

  private LendingVenueRefs() {}

  /** The lending venue named in {@code venue}, or null after a reported failure. */
  static VenueSpec venue(SpecNode node, SpecContext context) {
    VenueSpec venue = context.venueRef(node, "venue");
    if (venue != null && (venue.listsPerpetuals() || venue.issuedAssets().isEmpty())) {
      node.get("venue")
          .fail("venue '" + venue.id() + "' is a " + venue.type() + " venue, not a lending one");
      return null;
    }
    return venue;
  }

  /** The venue's reserve assets: what it lends and what it takes as collateral. */
  static Set<AssetId> reserves(VenueSpec venue) {
    Set<AssetId> out = new LinkedHashSet<>(venue.tradableAssets());
    out.addAll(venue.collateralAssets());
    return out;
  }

  /**
   * Reads an asset reference that must be in {@code allowed}; null after a reported failure. {@code
   * role} qualifies the reserve in the message ("collateral ", "borrowable " or "").
   */
  static AssetId asset(
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
}
