package org.marginfall.protocols;

import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.protocols.cdp.CdpVenueType;
import org.marginfall.protocols.lending.LendingVenueType;
import org.marginfall.protocols.perp.PerpetualVenueType;

/**
 * The venue families shipped with Marginfall, registered as a plug-in (listed in this module's
 * {@code META-INF/services}) so they are found the way a user's jar is. Stateless.
 */
public final class BuiltInVenues implements MarginfallPlugin {

  @Override
  public void contribute(Contributions to) {
    to.venueType(new PerpetualVenueType());
    to.venueType(new LendingVenueType());
    to.venueType(new CdpVenueType());
  }
}
