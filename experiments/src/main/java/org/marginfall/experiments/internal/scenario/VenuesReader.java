package org.marginfall.experiments.internal.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code venues}: each entry laid over its preset, read by the venue type the catalog
 * registers under its {@code type}; then checks that every derived asset has exactly one issuer.
 * Required unless the scenario has agents. Stateless.
 */
final class VenuesReader {

  private VenuesReader() {}

  static void read(ReadingState state, Catalog catalog) {
    SpecNode root = state.root;
    for (SpecNode entry : state.venuesOptional() ? root.optList("venues") : root.list("venues")) {
      if (!entry.requireObject()) {
        continue;
      }
      SpecNode v = withPreset(entry, catalog.presets());
      if (v == null) {
        declaredInvalid(entry, state);
        continue;
      }
      VenueType type = catalog.venueTypes().lookup(v, "type");
      VenueSpec spec = type == null ? null : state.guarded(() -> type.read(v, state));
      if (spec == null) {
        declaredInvalid(v, state);
      } else if (ReadingState.RESERVED.contains(spec.id().value())) {
        v.get("id").fail("'" + spec.id() + "' is reserved for the ledger's own accounts");
      } else if (state.venues.containsKey(spec.id())) {
        v.get("id").fail("duplicate venue id '" + spec.id() + "'");
      } else {
        state.venues.put(spec.id(), spec);
      }
    }
    checkIssuers(state);
  }

  /**
   * Lays the entry over its {@code preset}, if it names one: the preset's fields are defaults the
   * entry's own fields override (whole values; nested mappings are not merged).
   *
   * @return the entry to read, or null when it names an unknown preset (reported here)
   */
  private static SpecNode withPreset(SpecNode entry, Presets presets) {
    if (!entry.has("preset")) {
      return entry;
    }
    String name = entry.get("preset").asString();
    Optional<Presets.Preset> preset = presets.find(name);
    if (preset.isEmpty()) {
      List<String> known = presets.all().stream().map(Presets.Preset::name).toList();
      entry
          .get("preset")
          .fail("unknown preset '" + name + "' (known: " + SpecContext.declared(known) + ")");
      return null;
    }
    return entry.over(preset.get().venue(), "preset");
  }

  /** Every derived asset must be issued by exactly one venue. */
  private static void checkIssuers(ReadingState state) {
    Map<AssetId, VenueId> issuer = new LinkedHashMap<>();
    for (VenueSpec v : state.venues.values()) {
      for (AssetId a : v.issuedAssets()) {
        VenueId other = issuer.putIfAbsent(a, v.id());
        if (other != null) {
          state
              .assetNodes
              .get(a)
              .fail("derived asset " + a + " is issued by both " + other + " and " + v.id());
        }
      }
    }
    for (Asset a : state.assets.values()) {
      if (a.kind() == AssetKind.DERIVED
          && !issuer.containsKey(a.id())
          && state.invalidVenues.isEmpty()) {
        state
            .assetNodes
            .get(a.id())
            .fail("derived asset " + a.id() + " is issued by no venue (a venue must name it)");
      }
    }
  }

  /**
   * Remembers a venue whose entry failed but whose id is readable, so that populations naming it
   * are not told it is unknown: its own problems are already reported, and "unknown venue" would
   * send the user looking for a typo that is not there.
   */
  private static void declaredInvalid(SpecNode v, ReadingState state) {
    SpecNode idNode = v.get("id");
    if (idNode.isMissing() || idNode.isObject() || idNode.isList()) {
      return;
    }
    String id = idNode.asString();
    if (Checks.isId(id)
        && !ReadingState.RESERVED.contains(id)
        && !state.venues.containsKey(VenueId.of(id))) {
      state.invalidVenues.putIfAbsent(
          VenueId.of(id), new InvalidVenue(VenueId.of(id), state.assets.keySet()));
    }
  }
}
