package org.marginfall.agents.cdp;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of vault owners who each open one vault at set-up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the CDP venue they borrow from
 * @param count number of owners
 * @param ilk the collateral type of their vaults
 * @param collateral units of {@code ilk} each owner locks
 * @param targetRatio the collateral ratio (collateral value over debt) each owner draws debt down
 *     to, at least the venue's liquidation ratio
 */
public record VaultOwnersSpec(
    String id,
    VenueId venue,
    int count,
    AssetId ilk,
    Distribution collateral,
    Distribution targetRatio)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "vault-owners";

  /** Validates the fields. */
  public VaultOwnersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Checks.positive(count, "count");
    Objects.requireNonNull(ilk, "ilk");
    Objects.requireNonNull(collateral, "collateral");
    Objects.requireNonNull(targetRatio, "targetRatio");
    if (!(collateral.lowerBound() >= 0)) {
      throw new IllegalArgumentException("collateral: must not produce negative amounts");
    }
    if (!(targetRatio.lowerBound() > 1)) {
      throw new IllegalArgumentException("targetRatio: must only produce values above 1");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new VaultOwners(this, streams.stream("agents/" + id));
  }
}
