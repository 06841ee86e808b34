package org.marginfall.experiments.internal.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code agents}: each entry by the population type the catalog registers under its {@code
 * type}, with an id no other population or venue uses. Stateless.
 */
final class AgentsReader {

  private AgentsReader() {}

  static List<PopulationSpec> read(ReadingState state, Catalog catalog) {
    List<PopulationSpec> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (SpecNode a : state.root.optList("agents")) {
      if (!a.requireObject()) {
        continue;
      }
      PopulationType type = catalog.populationTypes().lookup(a, "type");
      PopulationSpec spec = type == null ? null : state.guarded(() -> type.read(a, state));
      if (spec == null) {
        continue;
      }
      if (ReadingState.RESERVED.contains(spec.id())) {
        a.get("id").fail("'" + spec.id() + "' is reserved for the ledger's own accounts");
      } else if (!ids.add(spec.id()) || state.venueIds().contains(VenueId.of(spec.id()))) {
        a.get("id").fail("id '" + spec.id() + "' is already used by another population or a venue");
      } else {
        out.add(spec);
      }
    }
    return out;
  }
}
