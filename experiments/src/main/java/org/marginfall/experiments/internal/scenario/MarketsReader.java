package org.marginfall.experiments.internal.scenario;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.ImpactModelType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads {@code markets}: one shared market per spot asset (a derived asset may have one), its
 * impact model looked up in {@link CoreTypes#impactModels()}. Stateless.
 */
final class MarketsReader {

  private MarketsReader() {}

  static List<MarketSpec> read(ReadingState state, CoreTypes types) {
    Map<AssetId, MarketSpec> out = new LinkedHashMap<>();
    // Assets whose market entry has problems of its own: "has no market" would send the user
    // looking for a missing entry that is there.
    Set<AssetId> invalid = new LinkedHashSet<>();
    for (SpecNode m : state.root.optList("markets")) {
      if (m.requireObject()) {
        market(m, state, types, out, invalid);
      }
    }
    for (AssetId a : state.spotAssets()) {
      if (!out.containsKey(a) && !invalid.contains(a)) {
        state
            .root
            .get("markets")
            .fail("spot asset " + a + " has no market (give it impact: {model: none} for none)");
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * One entry, added to {@code out}, or its asset to {@code invalid} when the entry has problems.
   */
  private static void market(
      SpecNode m,
      ReadingState state,
      CoreTypes types,
      Map<AssetId, MarketSpec> out,
      Set<AssetId> invalid) {
    Problems.Mark mark = m.mark();
    m.allowOnly("asset", "impact", "halfLifeSteps");
    AssetId asset = state.assetRef(m, "asset");
    // A derived asset may have a secondary market, trading around its issuer's NAV.
    if (asset != null && state.assets.get(asset).kind() == AssetKind.BASE) {
      m.get("asset").fail("the base currency has no market");
    }
    ImpactModel impact = impact(m.object("impact"), types);
    double halfLife =
        m.has("halfLifeSteps") ? m.positive("halfLifeSteps") : Double.POSITIVE_INFINITY;
    if (asset != null && out.containsKey(asset)) {
      m.get("asset").fail("a market for " + asset + " is already declared");
    }
    if (mark.failed()) {
      if (asset != null) {
        invalid.add(asset);
      }
      return;
    }
    MarketSpec spec = m.build(() -> new MarketSpec(asset, impact, halfLife));
    if (spec != null) {
      out.put(asset, spec);
    }
  }

  private static ImpactModel impact(SpecNode node, CoreTypes types) {
    if (!node.isObject()) {
      return null;
    }
    ImpactModelType type = types.impactModels().lookup(node, "model");
    return type == null ? null : type.read(node);
  }
}
