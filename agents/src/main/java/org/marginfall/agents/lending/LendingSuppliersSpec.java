package org.marginfall.agents.lending;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of lenders who supply assets to one lending venue and hold the receipts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the lending venue
 * @param count number of suppliers
 * @param supplies what each supplier supplies, in order
 */
public record LendingSuppliersSpec(String id, VenueId venue, int count, List<SupplyAmount> supplies)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "lending-suppliers";

  /** Validates the fields. */
  public LendingSuppliersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Checks.positive(count, "count");
    supplies = List.copyOf(supplies);
    if (supplies.isEmpty()) {
      throw new IllegalArgumentException("supplies: must name at least one asset");
    }
    Set<AssetId> seen = new HashSet<>();
    for (SupplyAmount s : supplies) {
      if (!seen.add(s.asset())) {
        throw new IllegalArgumentException("supplies: " + s.asset() + " is named twice");
      }
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new LendingSuppliers(this, streams.stream("agents/" + id));
  }

  @Override
  public Set<VenueId> fundsAtSetUp() {
    return Set.of(venue);
  }
}
