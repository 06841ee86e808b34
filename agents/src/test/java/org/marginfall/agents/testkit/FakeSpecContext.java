package org.marginfall.agents.testkit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * A {@link SpecContext} holding the ids a scenario would have declared before its agents: assets in
 * order (the first is the base currency) and venue specs in order. Not thread-safe.
 */
public final class FakeSpecContext implements SpecContext {

  /** A venue spec that only answers what population readers ask; it cannot be resolved. */
  public record FakeVenueSpec(
      VenueId id,
      String type,
      Set<AssetId> tradableAssets,
      Set<AssetId> collateralAssets,
      boolean perpetual)
      implements VenueSpec {

    @Override
    public boolean listsPerpetuals() {
      return perpetual;
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new AssertionError("a reader test never resolves venues");
    }
  }

  private final AssetId base;
  private final Map<AssetId, Asset> assets = new LinkedHashMap<>();
  private final Map<VenueId, VenueSpec> venues = new LinkedHashMap<>();
  private double stepSeconds = Double.NaN;

  /** A context with the base currency declared. */
  public FakeSpecContext(AssetId base) {
    this.base = base;
    assets.put(base, new Asset(base, AssetKind.BASE));
  }

  /** Sets the run's seconds per step (NaN, as when a reader has none, until set). */
  public FakeSpecContext stepSeconds(double seconds) {
    stepSeconds = seconds;
    return this;
  }

  @Override
  public double stepSeconds() {
    return stepSeconds;
  }

  /** Declares a spot asset. */
  public FakeSpecContext spot(AssetId id) {
    assets.put(id, new Asset(id, AssetKind.SPOT));
    return this;
  }

  /** Declares a venue. */
  public FakeSpecContext venue(VenueSpec spec) {
    venues.put(spec.id(), spec);
    return this;
  }

  @Override
  public AssetId baseCurrency() {
    return base;
  }

  @Override
  public Optional<Asset> asset(AssetId id) {
    return Optional.ofNullable(assets.get(id));
  }

  @Override
  public Set<AssetId> assetIds() {
    return new LinkedHashSet<>(assets.keySet());
  }

  @Override
  public Set<OracleId> oracleIds() {
    return Set.of();
  }

  @Override
  public Optional<VenueSpec> venue(VenueId id) {
    return Optional.ofNullable(venues.get(id));
  }

  @Override
  public Set<VenueId> venueIds() {
    return new LinkedHashSet<>(venues.keySet());
  }
}
