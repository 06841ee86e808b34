package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code type: perpetual} venues from scenario files.
 *
 * <p>Venue-level {@code initialMargin} and {@code maintenanceMargin} are defaults that a market
 * entry may override; a market may be given as just its asset id. Stateless and thread-safe.
 */
public final class PerpetualVenueType implements VenueType {

  private static final String[] FIELDS = {
    "id", "type", "oracle", "marginMode", "markets", "collateral", "initialMargin",
    "maintenanceMargin", "liquidationFee", "liquidatorShare", "insuranceFund", "houseCapital"
  };

  @Override
  public String name() {
    return PerpetualVenueSpec.TYPE;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    int mark = node.problems().count();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    MarginMode mode = readMode(node);
    double defaultInitial = node.number("initialMargin", Double.NaN);
    double defaultMaintenance = node.number("maintenanceMargin", Double.NaN);
    boolean defaultsValid = checkMargins(node, defaultInitial, defaultMaintenance);
    List<PerpMarket> markets = new ArrayList<>();
    Set<AssetId> listed = new HashSet<>();
    for (SpecNode m : node.list("markets")) {
      PerpMarket market = readMarket(m, context, defaultInitial, defaultMaintenance, defaultsValid);
      if (market != null && !listed.add(market.asset())) {
        m.fail("market " + market.asset() + " is listed twice");
      } else if (market != null) {
        markets.add(market);
      }
    }
    List<CollateralTerms> collateral = new ArrayList<>();
    Set<AssetId> accepted = new HashSet<>();
    for (SpecNode c : node.optList("collateral")) {
      CollateralTerms terms = readCollateral(c, context);
      if (terms != null && !accepted.add(terms.asset())) {
        c.fail("collateral " + terms.asset() + " is listed twice");
      } else if (terms != null && !terms.asset().equals(context.baseCurrency())) {
        collateral.add(terms);
      }
    }
    double fee = node.fraction("liquidationFee", 0.01);
    double share = node.fraction("liquidatorShare", 0.5);
    double insurance = node.nonNegative("insuranceFund", 0);
    double house = node.nonNegative("houseCapital", 1.0e9);
    if (node.problems().since(mark)) {
      return null;
    }
    return node.build(
        () ->
            new PerpetualVenueSpec(
                VenueId.of(id), oracle, mode, markets, collateral, fee, share, insurance, house));
  }

  private static MarginMode readMode(SpecNode node) {
    SpecNode m = node.get("marginMode");
    if (m.isMissing()) {
      return MarginMode.CROSS;
    }
    String s = m.asString();
    for (MarginMode mode : MarginMode.values()) {
      if (mode.scenarioName().equals(s)) {
        return mode;
      }
    }
    m.fail("unknown margin mode '" + s + "' (known: cross, isolated)");
    return null;
  }

  /** Checks a pair of margin fractions; returns whether it reported nothing. */
  private static boolean checkMargins(SpecNode node, double initial, double maintenance) {
    int mark = node.problems().count();
    if (!Double.isNaN(initial) && !(initial > 0 && initial <= 1)) {
      node.get("initialMargin").fail("must be in (0, 1], was " + initial);
    }
    if (!Double.isNaN(maintenance) && !(maintenance > 0 && maintenance <= 1)) {
      node.get("maintenanceMargin").fail("must be in (0, 1], was " + maintenance);
    } else if (!Double.isNaN(initial) && !Double.isNaN(maintenance) && maintenance >= initial) {
      // Report at the field this node sets: a market may override only one of the two fractions.
      if (node.has("maintenanceMargin") || !node.has("initialMargin")) {
        node.get("maintenanceMargin")
            .fail("must be below initialMargin (" + initial + "), was " + maintenance);
      } else {
        node.get("initialMargin")
            .fail("must be above maintenanceMargin (" + maintenance + ", from the venue), was " + initial);
      }
    }
    return !node.problems().since(mark);
  }

  /**
   * Reads one market entry. A market that takes both fractions from the venue is not built when
   * the venue's fractions were already reported invalid, so the one mistake is reported once, at
   * the venue's field, rather than again at every market.
   */
  private static PerpMarket readMarket(
      SpecNode m,
      SpecContext context,
      double defaultInitial,
      double defaultMaintenance,
      boolean defaultsValid) {
    int mark = m.problems().count();
    boolean inherits = !(m.isObject() && (m.has("initialMargin") || m.has("maintenanceMargin")));
    AssetId asset;
    double initial = defaultInitial;
    double maintenance = defaultMaintenance;
    if (m.isObject()) {
      m.allowOnly("asset", "initialMargin", "maintenanceMargin");
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
    if (m.problems().since(mark) || (inherits && !defaultsValid)) {
      return null;
    }
    AssetId a = asset;
    double im = initial;
    double mm = maintenance;
    return m.build(() -> new PerpMarket(a, im, mm));
  }


  private static CollateralTerms readCollateral(SpecNode c, SpecContext context) {
    int mark = c.problems().count();
    if (!c.requireObject()) {
      return null;
    }
    c.allowOnly("asset", "haircut");
    AssetId asset = context.assetRef(c, "asset");
    double haircut = c.fraction("haircut", 0);
    if (!Double.isNaN(haircut) && haircut >= 1) {
      c.get("haircut").fail("must be below 1, was " + haircut);
    }
    if (asset != null && asset.equals(context.baseCurrency()) && haircut != 0) {
      // The base currency settles every position at 1; a haircut on it would be silently ignored.
      c.get("haircut").fail("the base currency " + asset + " is always accepted at haircut 0, was " + haircut);
    }
    if (c.problems().since(mark)) {
      return null;
    }
    return c.build(() -> new CollateralTerms(asset, haircut));
  }
}
