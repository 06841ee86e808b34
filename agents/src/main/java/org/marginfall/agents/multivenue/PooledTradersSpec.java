package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Traders whose shared collateral pool secures leveraged positions on several perpetual venues
 * (contagion channel 3, docs/contagion.md "The five channels").
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param count number of members
 * @param legs the venues each member trades on, one position each, on distinct venues
 * @param pool the pool's assets and their amounts per member
 * @param share the shared fraction of the pool in [0, 1] (0: isolated slices, 1: fully shared)
 * @param fences ring-fenced asset classes
 * @param topUpBelow the pool tops up an account whose health is below this
 * @param targetHealth the health a top-up restores (>= topUpBelow)
 */
public record PooledTradersSpec(
    String id,
    int count,
    List<Leg> legs,
    List<PoolAsset> pool,
    double share,
    List<RingFence> fences,
    double topUpBelow,
    double targetHealth)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "pooled-traders";

  /** Validates the fields. */
  public PooledTradersSpec {
    Checks.id(id, "id");
    Checks.positive(count, "count");
    legs = List.copyOf(legs);
    pool = List.copyOf(pool);
    fences = List.copyOf(fences);
    if (legs.size() < 2) {
      throw new IllegalArgumentException("legs: must name at least two venues");
    }
    Set<VenueId> venues = new HashSet<>();
    for (Leg l : legs) {
      if (!venues.add(l.venue())) {
        throw new IllegalArgumentException("legs: venue " + l.venue() + " is named twice");
      }
    }
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("pool: must name at least one asset");
    }
    Set<AssetId> assets = new HashSet<>();
    for (PoolAsset a : pool) {
      if (!assets.add(a.asset())) {
        throw new IllegalArgumentException("pool: asset " + a.asset() + " is named twice");
      }
    }
    Checks.fraction(share, "share");
    Set<AssetId> fenced = new HashSet<>();
    for (RingFence f : fences) {
      for (AssetId a : f.assets()) {
        if (!assets.contains(a) || !fenced.add(a)) {
          throw new IllegalArgumentException(
              "ringFence: asset " + a + " is not a pool asset or is fenced twice");
        }
      }
      for (VenueId v : f.venues()) {
        if (!venues.contains(v)) {
          throw new IllegalArgumentException("ringFence: venue " + v + " is not a leg's venue");
        }
      }
    }
    Checks.positive(topUpBelow, "topUpBelow");
    if (!(targetHealth >= topUpBelow)) {
      throw new IllegalArgumentException(
          "targetHealth: must be >= topUpBelow (" + topUpBelow + "), was " + targetHealth);
    }
  }

  /** The sharing limits of each member's pool. */
  public SharingLimits limits() {
    List<VenueId> venues = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<Double> caps = new ArrayList<>();
    for (Leg l : legs) {
      venues.add(l.venue());
      weights.add(l.weight());
      caps.add(l.cap());
    }
    return new SharingLimits(share, venues, weights, caps, fences);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new PooledTraders(this, streams.stream("agents/" + id));
  }
}
