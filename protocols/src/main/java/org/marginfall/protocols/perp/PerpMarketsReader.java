package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.FieldException;

/**
 * Reads a perpetual venue's {@code markets}. Venue-level {@code initialMargin}, {@code
 * maintenanceMargin} and maintenance {@code tiers} are defaults that a market entry may override; a
 * market may be given as just its asset id. Stateless.
 */
final class PerpMarketsReader {

  private PerpMarketsReader() {}

  /** The listed markets, each once: a market listed twice is reported and left out. */
  static List<PerpMarket> read(SpecNode node, SpecContext context) {
    double defaultInitial = node.number("initialMargin", Double.NaN);
    double defaultMaintenance = node.number("maintenanceMargin", Double.NaN);
    boolean defaultsValid = checkMargins(node, defaultInitial, defaultMaintenance);
    List<MarginTier> defaultTiers = readTiers(node);
    List<PerpMarket> markets = new ArrayList<>();
    Set<AssetId> listed = new HashSet<>();
    for (SpecNode m : node.list("markets")) {
      PerpMarket market =
          readMarket(m, context, defaultInitial, defaultMaintenance, defaultsValid, defaultTiers);
      if (market != null && !listed.add(market.asset())) {
        m.fail("market " + market.asset() + " is listed twice");
      } else if (market != null) {
        markets.add(market);
      }
    }
    return markets;
  }

  /**
   * Reads the maintenance tiers above the first ({@code tiers: [{lowerBound, maintenanceMargin}]});
   * the first tier, from notional 0, is the market's {@code maintenanceMargin}.
   */
  private static List<MarginTier> readTiers(SpecNode node) {
    List<MarginTier> out = new ArrayList<>();
    for (SpecNode t : node.optList("tiers")) {
      if (!t.requireObject()) {
        continue;
      }
      Problems.Mark mark = t.mark();
      t.allowOnly("lowerBound", "maintenanceMargin");
      double lower = t.positive("lowerBound");
      double rate = t.number("maintenanceMargin");
      if (!Double.isNaN(rate)) {
        t.check("maintenanceMargin", () -> MarginTier.checkRate(rate));
      }
      if (!out.isEmpty()) {
        MarginTier last = out.get(out.size() - 1);
        if (!Double.isNaN(lower)) {
          t.check("lowerBound", () -> last.checkBoundAfter(lower));
        }
        if (!Double.isNaN(rate)) {
          t.check("maintenanceMargin", () -> last.checkRateAfter(rate));
        }
      }
      if (mark.clean()) {
        MarginTier tier = t.build(() -> new MarginTier(lower, rate));
        if (tier != null) {
          out.add(tier);
        }
      }
    }
    return out;
  }

  /**
   * Checks a pair of margin fractions by {@link PerpMarket}'s rules; returns whether it reported
   * nothing.
   */
  private static boolean checkMargins(SpecNode node, double initial, double maintenance) {
    Problems.Mark mark = node.mark();
    if (!Double.isNaN(initial)) {
      node.check("initialMargin", () -> PerpMarket.checkFraction("initialMargin", initial));
    }
    if (Double.isNaN(maintenance)
        || !node.check(
            "maintenanceMargin", () -> PerpMarket.checkFraction("maintenanceMargin", maintenance))
        || Double.isNaN(initial)) {
      return mark.clean();
    }
    // Report at the field this node sets: a market may override only one of the two fractions.
    if (node.has("maintenanceMargin") || !node.has("initialMargin")) {
      node.check("maintenanceMargin", () -> PerpMarket.checkOrder(initial, maintenance));
    } else {
      try {
        PerpMarket.checkOrder(initial, maintenance);
      } catch (FieldException e) {
        node.get("initialMargin")
            .fail(
                "must be above maintenanceMargin ("
                    + maintenance
                    + ", from the venue), was "
                    + initial);
      }
    }
    return mark.clean();
  }

  /**
   * Reads one market entry. A market that takes both fractions from the venue is not built when the
   * venue's fractions were already reported invalid, so the one mistake is reported once, at the
   * venue's field, rather than again at every market.
   */
  private static PerpMarket readMarket(
      SpecNode m,
      SpecContext context,
      double defaultInitial,
      double defaultMaintenance,
      boolean defaultsValid,
      List<MarginTier> defaultTiers) {
    Problems.Mark mark = m.mark();
    boolean inherits = !(m.isObject() && (m.has("initialMargin") || m.has("maintenanceMargin")));
    AssetId asset;
    double initial = defaultInitial;
    double maintenance = defaultMaintenance;
    List<MarginTier> upper = defaultTiers;
    if (m.isObject()) {
      m.allowOnly("asset", "initialMargin", "maintenanceMargin", "tiers");
      if (m.has("tiers")) {
        upper = readTiers(m);
      }
      asset = context.assetRef(m, "asset");
      initial = m.number("initialMargin", defaultInitial);
      maintenance = m.number("maintenanceMargin", defaultMaintenance);
      if (m.has("initialMargin") || m.has("maintenanceMargin")) {
        checkMargins(m, initial, maintenance);
      }
    } else {
      asset = context.assetRef(m);
    }
    if (asset != null && context.asset(asset).map(a -> a.kind() != AssetKind.SPOT).orElse(false)) {
      m.fail("market asset " + asset + " must be a spot asset with a price process");
    }
    if (Double.isNaN(initial)) {
      m.fail("initialMargin is required (on the market or the venue)");
    }
    if (Double.isNaN(maintenance)) {
      m.fail("maintenanceMargin is required (on the market or the venue)");
    }
    if (mark.failed() || (inherits && !defaultsValid)) {
      return null;
    }
    if (!upper.isEmpty() && !(upper.get(0).maintenanceMargin() >= maintenance)) {
      (m.isObject() && m.has("tiers") ? m.get("tiers") : m)
          .fail("the first tier's maintenanceMargin must not be below the market's " + maintenance);
      return null;
    }
    AssetId a = asset;
    double im = initial;
    double mm = maintenance;
    List<MarginTier> all = new ArrayList<>();
    all.add(new MarginTier(0, mm));
    all.addAll(upper);
    return m.build(() -> new PerpMarket(a, im, mm, all));
  }
}
