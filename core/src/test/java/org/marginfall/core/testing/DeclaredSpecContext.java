package org.marginfall.core.testing;

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
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/**
 * A {@link SpecContext} for reader tests, declared fluently: the base currency, spot and derived
 * assets, oracles and venues, in declaration order (which is the order error messages list them).
 *
 * <p>Mutable while declared, then read; not thread-safe.
 */
public final class DeclaredSpecContext implements SpecContext {

  private final AssetId base;
  private final Map<AssetId, Asset> assets = new LinkedHashMap<>();
  private final Set<OracleId> oracles = new LinkedHashSet<>();
  private final Map<VenueId, VenueSpec> venues = new LinkedHashMap<>();

  private DeclaredSpecContext(String base) {
    this.base = AssetId.of(base);
    assets.put(this.base, new Asset(this.base, AssetKind.BASE));
  }

  /** A context whose base currency is {@code base}. */
  public static DeclaredSpecContext base(String base) {
    return new DeclaredSpecContext(base);
  }

  /** Declares spot assets. */
  public DeclaredSpecContext spot(String... ids) {
    return declare(AssetKind.SPOT, ids);
  }

  /** Declares derived assets. */
  public DeclaredSpecContext derived(String... ids) {
    return declare(AssetKind.DERIVED, ids);
  }

  /** Declares oracles. */
  public DeclaredSpecContext oracles(String... ids) {
    for (String id : ids) {
      oracles.add(OracleId.of(id));
    }
    return this;
  }

  /** Declares a venue read earlier in the scenario. */
  public DeclaredSpecContext venue(VenueSpec spec) {
    venues.put(spec.id(), spec);
    return this;
  }

  private DeclaredSpecContext declare(AssetKind kind, String... ids) {
    for (String id : ids) {
      AssetId a = AssetId.of(id);
      assets.put(a, new Asset(a, kind));
    }
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
    return new LinkedHashSet<>(oracles);
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
