package org.marginfall.experiments.internal.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.spec.PriceProcessReader;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Checks;

/**
 * Reads {@code baseCurrency} and {@code assets}, with each spot asset's price process, into the
 * reading state. Stateless.
 */
final class AssetsReader {

  private static final Map<String, AssetKind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("base", AssetKind.BASE);
    KINDS.put("spot", AssetKind.SPOT);
    KINDS.put("derived", AssetKind.DERIVED);
  }

  private AssetsReader() {}

  static void read(ReadingState state) {
    SpecNode root = state.root;
    String baseName = root.id("baseCurrency");
    for (SpecNode a : root.list("assets")) {
      if (a.requireObject()) {
        asset(a, state);
      }
    }
    if (Checks.isId(baseName)) {
      Asset b = state.assets.get(AssetId.of(baseName));
      if (b == null) {
        root.get("baseCurrency")
            .fail("unknown asset '" + baseName + "' (declared: " + state.assets.keySet() + ")");
      } else if (b.kind() != AssetKind.BASE) {
        root.get("baseCurrency").fail("asset '" + baseName + "' must be of kind base");
      } else {
        state.base = b.id();
      }
    }
    for (Asset a : state.assets.values()) {
      if (a.kind() == AssetKind.BASE && !a.id().equals(state.base) && state.base != null) {
        root.get("assets")
            .fail("only the base currency may be of kind base, but " + a.id() + " is too");
      }
    }
  }

  private static void asset(SpecNode a, ReadingState state) {
    a.allowOnly("id", "kind", "decimals", "price");
    String id = a.id("id");
    AssetKind kind = a.choice("kind", "asset kind", KINDS, AssetKind.SPOT);
    if (!Checks.isId(id) || kind == null) {
      return;
    }
    AssetId assetId = AssetId.of(id);
    if (state.assets.containsKey(assetId)) {
      a.get("id").fail("duplicate asset id '" + id + "'");
      return;
    }
    int decimals = a.has("decimals") ? a.integer("decimals", 0, 0, Asset.MAX_DECIMALS) : Asset.AUTO;
    state.assets.put(assetId, new Asset(assetId, kind, decimals));
    state.assetNodes.put(assetId, a);
    if (kind == AssetKind.SPOT) {
      if (a.get("price").isObject() && HistoricalPriceReader.isHistorical(a.get("price"))) {
        state.historical.add(assetId);
      }
      PriceProcessSpec p = priceProcess(a.object("price"), state);
      if (p != null) {
        state.prices.put(assetId, p);
      }
    } else if (a.has("price") && kind == AssetKind.BASE) {
      a.get("price").fail("a base asset's price is 1 by definition; remove this field");
    } else if (a.has("price")) {
      a.get("price").fail("a derived asset is priced at its issuer's NAV; remove this field");
    }
  }

  private static PriceProcessSpec priceProcess(SpecNode p, ReadingState state) {
    if (p.isMissing() || !p.isObject()) {
      return null;
    }
    if (HistoricalPriceReader.isHistorical(p)) {
      return new HistoricalPriceReader(state.settings, state.dataRoot, state.dataFiles::add)
          .read(p);
    }
    return PriceProcessReader.read(p);
  }
}
