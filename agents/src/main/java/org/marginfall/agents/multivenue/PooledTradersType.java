package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.venue.VenueId;

/** Reads {@code type: pooled-traders} populations (docs/agents.md). Stateless and thread-safe. */
public final class PooledTradersType implements PopulationType {

  @Override
  public String name() {
    return PooledTradersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id", "type", "count", "legs", "pool", "share", "ringFence", "topUpBelow", "targetHealth");
    String id = node.id("id");
    int count = node.integer("count", 1, 10_000_000);
    List<Leg> legs = LegReader.read(node, context, true);
    Set<VenueId> legVenues = new HashSet<>();
    legs.forEach(l -> legVenues.add(l.venue()));
    List<PoolAsset> pool = new ArrayList<>();
    Set<AssetId> poolAssets = new HashSet<>();
    for (SpecNode p : node.list("pool")) {
      p.allowOnly("asset", "amount");
      AssetId asset = context.assetRef(p, "asset");
      Distribution amount = DistributionReader.read(p.get("amount"));
      if (amount != null && amount.lowerBound() < 0) {
        p.get("amount").fail("must not produce negative amounts");
      } else if (asset != null && !poolAssets.add(asset)) {
        p.get("asset").fail("asset " + asset + " is named twice");
      } else if (asset != null && amount != null) {
        pool.add(new PoolAsset(asset, amount));
      }
    }
    double share = node.fraction("share", 1.0);
    List<RingFence> fences = new ArrayList<>();
    Set<AssetId> fenced = new HashSet<>();
    for (SpecNode f : node.optList("ringFence")) {
      f.allowOnly("assets", "venues");
      List<AssetId> assets = new ArrayList<>();
      for (SpecNode a : f.list("assets")) {
        AssetId asset = context.assetRef(a);
        if (asset == null) {
          continue;
        }
        if (!poolAssets.contains(asset)) {
          a.fail("asset " + asset + " is not in the pool");
        } else if (!fenced.add(asset)) {
          a.fail("asset " + asset + " is already in another ring fence");
        } else {
          assets.add(asset);
        }
      }
      List<VenueId> venues = new ArrayList<>();
      for (SpecNode v : f.list("venues")) {
        var venue = context.venueRef(v);
        if (venue == null) {
          continue;
        }
        if (!legVenues.contains(venue.id())) {
          v.fail("venue '" + venue.id() + "' is not the venue of any leg");
        } else {
          venues.add(venue.id());
        }
      }
      if (!assets.isEmpty() && !venues.isEmpty()) {
        fences.add(new RingFence(assets, venues));
      }
    }
    double topUpBelow = node.positive("topUpBelow", 1.05);
    double targetHealth = node.positive("targetHealth", 1.25);
    if (!Double.isNaN(topUpBelow) && !Double.isNaN(targetHealth) && targetHealth < topUpBelow) {
      node.get("targetHealth")
          .fail("must be >= topUpBelow (" + topUpBelow + "), was " + targetHealth);
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new PooledTradersSpec(id, count, legs, pool, share, fences, topUpBelow, targetHealth));
  }
}
