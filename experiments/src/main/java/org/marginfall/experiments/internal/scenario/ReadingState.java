package org.marginfall.experiments.internal.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.spec.DataFiles;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/**
 * What one reading of a scenario has declared so far, section by section: the {@link SpecContext}
 * that each section reader, and the venue and agent readers, look ids up in. Mutable, used by one
 * reading only; not thread-safe.
 */
final class ReadingState implements SpecContext {

  /** Ledger path roots the engine uses itself ({@code external}, {@code market/<asset>}). */
  static final Set<String> RESERVED = Set.of("external", "market");

  final SpecNode root;
  final DataRoot dataRoot;
  final Map<AssetId, Asset> assets = new LinkedHashMap<>();
  final Map<AssetId, SpecNode> assetNodes = new LinkedHashMap<>();
  final Map<AssetId, PriceProcessSpec> prices = new LinkedHashMap<>();

  /** Spot assets whose price section is historical (a replay or a bootstrap), read or not. */
  final Set<AssetId> historical = new LinkedHashSet<>();

  final Set<OracleId> oracles = new LinkedHashSet<>();
  final Map<VenueId, VenueSpec> venues = new LinkedHashMap<>();

  /** Venues declared with a valid id whose entry has problems; see {@link InvalidVenue}. */
  final Map<VenueId, VenueSpec> invalidVenues = new LinkedHashMap<>();

  final List<Scenario.DataFile> dataFiles = new ArrayList<>();
  AssetId base;
  RunSettings settings;

  ReadingState(SpecNode root, DataRoot dataRoot) {
    this.root = root;
    this.dataRoot = dataRoot;
  }

  /**
   * Whether the scenario may go without venues and oracles: when it has agents, which may be
   * institutions that trade only in the shared markets.
   */
  boolean venuesOptional() {
    return !root.optList("agents").isEmpty();
  }

  /** The spot assets, in scenario order. */
  List<AssetId> spotAssets() {
    List<AssetId> out = new ArrayList<>();
    assets.values().stream().filter(a -> a.kind() == AssetKind.SPOT).forEach(a -> out.add(a.id()));
    return out;
  }

  /**
   * Reads one part that may fail on a value an earlier problem left undefined (the base currency,
   * an asset); such a failure adds nothing to that problem and yields null.
   */
  <T> T guarded(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      afterReportedProblem(root.problems(), e);
      return null;
    }
  }

  /**
   * Accepts {@code failure} as a consequence of a problem already reported (a reader that used a
   * value an earlier section failed to provide, such as a missing base currency): the reported
   * problem is what the user must fix. A failure with nothing reported is a bug and is rethrown.
   */
  static void afterReportedProblem(Problems problems, RuntimeException failure) {
    if (problems.isEmpty()) {
      throw failure;
    }
  }

  @Override
  public DataFiles dataFiles() {
    return dataRoot;
  }

  @Override
  public AssetId baseCurrency() {
    return base;
  }

  @Override
  public double stepSeconds() {
    return settings == null ? Double.NaN : settings.stepSeconds();
  }

  @Override
  public Optional<Asset> asset(AssetId id) {
    return Optional.ofNullable(assets.get(id));
  }

  @Override
  public Set<AssetId> assetIds() {
    return assets.keySet();
  }

  @Override
  public Set<OracleId> oracleIds() {
    return oracles;
  }

  @Override
  public Optional<VenueSpec> venue(VenueId id) {
    VenueSpec v = venues.get(id);
    return Optional.ofNullable(v == null ? invalidVenues.get(id) : v);
  }

  @Override
  public Set<VenueId> venueIds() {
    Set<VenueId> ids = new LinkedHashSet<>(venues.keySet());
    ids.addAll(invalidVenues.keySet());
    return ids;
  }
}
