package org.example.marginfall;

import java.util.Map;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.protocols.perp.PerpetualVenueType;

/**
 * Reads {@code type: capped-perpetual}: every field of {@code type: perpetual} plus {@code
 * openInterestCap}, the most open interest (base currency, at oracle prices) the venue lets traders
 * build. The perpetual fields are read by the built-in perpetual reader, so they are checked
 * exactly as for a perpetual venue. Stateless and thread-safe.
 */
public final class CappedPerpetualType implements VenueType {

  private static final VenueType PERPETUAL = new PerpetualVenueType();

  @Override
  public String name() {
    return CappedPerpetualSpec.TYPE;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    double cap = node.positive("openInterestCap");
    VenueSpec perpetual = PERPETUAL.read(node.over(Map.of(), "openInterestCap"), context);
    if (perpetual == null || mark.failed()) {
      return null;
    }
    return node.build(() -> new CappedPerpetualSpec(perpetual, cap));
  }
}
