package org.marginfall.protocols.lending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.StalenessGuard;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.StalenessGuardReader;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code type: lending} venues from scenario files.
 *
 * <p>Each reserve names its underlying {@code asset} and its {@code receipt} (a derived asset of
 * the scenario), or carries only a {@code name} and gets both from the venue's {@code listings} map
 * ({@code name: {asset, receipt}}). When {@code listings} is given, exactly the reserves it names
 * are active, with the asset and receipt it gives; this lets a preset describe reserves by their
 * Aave names (WETH, USDC) and a scenario map them to its own asset ids. Stateless and thread-safe.
 */
public final class LendingVenueType implements VenueType {

  private static final String[] FIELDS = {
    "id",
    "type",
    "oracle",
    "stepSeconds",
    "badDebt",
    "closeFactorThreshold",
    "minLeftover",
    "reserves",
    "listings",
    "maxOracleAgeSteps",
    "onStale"
  };

  private static final String[] RESERVE_FIELDS = {
    "name",
    "asset",
    "receipt",
    "ltv",
    "liquidationThreshold",
    "liquidationBonus",
    "protocolFee",
    "reserveFactor",
    "rates",
    "supplyCap",
    "borrowCap",
    "borrowable"
  };

  @Override
  public String name() {
    return LendingVenueSpec.TYPE;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    double stepSeconds = context.stepSecondsOf(node);
    BadDebtMode mode = readMode(node);
    double threshold =
        node.nonNegative("closeFactorThreshold", LendingMath.MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD);
    double minLeftover = node.nonNegative("minLeftover", LendingMath.MIN_LEFTOVER_BASE);
    Map<String, SpecNode> listings = readListings(node);
    List<ReserveTerms> reserves = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Set<AssetId> assets = new HashSet<>();
    Set<AssetId> receipts = new HashSet<>();
    for (SpecNode r : node.list("reserves")) {
      if (!r.requireObject()) {
        continue;
      }
      r.allowOnly(RESERVE_FIELDS);
      String name = r.has("name") ? r.id("name") : r.get("asset").asString();
      if (name != null && !names.add(name)) {
        r.get(r.has("name") ? "name" : "asset").fail("reserve '" + name + "' is named twice");
        continue;
      }
      SpecNode listing = null;
      if (listings != null) {
        listing = listings.get(name);
        if (listing == null) {
          continue; // not listed in this scenario
        }
      }
      ReserveTerms terms = readReserve(r, listing, context);
      if (terms == null) {
        continue;
      }
      SpecNode where = listing != null ? listing : r;
      if (!assets.add(terms.asset())) {
        where.get("asset").fail("reserve for " + terms.asset() + " is listed twice");
      } else if (!receipts.add(terms.receipt())) {
        where.get("receipt").fail("receipt " + terms.receipt() + " is issued by two reserves");
      } else {
        reserves.add(terms);
      }
    }
    if (listings != null) {
      for (Map.Entry<String, SpecNode> e : listings.entrySet()) {
        if (!names.contains(e.getKey())) {
          e.getValue()
              .fail(
                  "no reserve is named '"
                      + e.getKey()
                      + "' (named: "
                      + SpecContext.declared(names)
                      + ")");
        }
      }
    }
    StalenessGuard staleness = StalenessGuardReader.read(node);
    if (mark.failed()) {
      return null;
    }
    if (reserves.isEmpty()) {
      node.get("reserves").fail("no reserve is active");
      return null;
    }
    return node.build(
        () ->
            new LendingVenueSpec(
                VenueId.of(id),
                oracle,
                reserves,
                stepSeconds,
                mode,
                threshold,
                minLeftover,
                staleness));
  }

  private static BadDebtMode readMode(SpecNode node) {
    return node.choice(
        "badDebt",
        "bad-debt mode",
        SpecNode.byName(BadDebtMode::scenarioName, BadDebtMode.values()),
        BadDebtMode.SOCIALIZE);
  }

  /** The listings by reserve name, or null when the venue has none. */
  private static Map<String, SpecNode> readListings(SpecNode node) {
    if (!node.has("listings")) {
      return null;
    }
    SpecNode l = node.object("listings");
    Map<String, SpecNode> out = new LinkedHashMap<>();
    for (String name : l.fieldNames()) {
      SpecNode entry = l.get(name);
      if (!Checks.isId(name)) {
        entry.fail("reserve name must be an identifier, was '" + name + "'");
      } else if (entry.requireObject()) {
        entry.allowOnly("asset", "receipt");
        out.put(name, entry);
      }
    }
    return out;
  }

  private static ReserveTerms readReserve(SpecNode r, SpecNode listing, SpecContext context) {
    Problems.Mark mark = r.mark();
    SpecNode refs = listing != null ? listing : r;
    AssetId asset = context.assetRef(refs, "asset");
    AssetId receipt = context.issuedAssetRef(refs, "receipt");
    // Another venue's receipt may be a reserve (derived collateral, contagion channel 2); a reserve
    // of the receipt it issues itself would price the receipt by itself.
    if (asset != null && asset.equals(receipt)) {
      refs.get("asset").fail("a reserve's asset cannot be its own receipt " + asset);
    }
    double ltv = r.fraction("ltv");
    double lt = r.fraction("liquidationThreshold");
    double lb = r.fraction("liquidationBonus");
    double lpf = r.fraction("protocolFee", 0.10);
    double rf = r.fraction("reserveFactor", 0.10);
    InterestRateCurve curve = readRates(r);
    double supplyCap = r.positive("supplyCap", Double.POSITIVE_INFINITY);
    double borrowCap = r.positive("borrowCap", Double.POSITIVE_INFINITY);
    boolean borrowable = r.bool("borrowable", true);
    if (!Double.isNaN(ltv) && !Double.isNaN(lt) && ltv > lt) {
      r.get("ltv").fail("must not exceed liquidationThreshold (" + lt + "), was " + ltv);
    }
    if (!Double.isNaN(lb) && lb >= 1) {
      r.get("liquidationBonus").fail("must be below 1, was " + lb);
    } else if (!Double.isNaN(lb) && !Double.isNaN(lt) && lt * (1 + lb) > 1) {
      r.get("liquidationBonus")
          .fail(
              "liquidationThreshold × (1 + liquidationBonus) must be at most 1, was "
                  + lt * (1 + lb));
    }
    if (mark.failed()) {
      return null;
    }
    return r.build(
        () ->
            new ReserveTerms(
                asset, receipt, ltv, lt, lb, lpf, rf, curve, supplyCap, borrowCap, borrowable));
  }

  private static InterestRateCurve readRates(SpecNode r) {
    SpecNode c = r.object("rates");
    if (!c.isObject()) {
      return null;
    }
    Problems.Mark mark = c.mark();
    c.allowOnly("baseRate", "slope1", "slope2", "optimalUtilisation");
    // Annual rates compound every step: beyond 100 (10,000% a year) balances leave any range.
    double baseRate =
        c.atMost("baseRate", c.nonNegative("baseRate", 0), InterestRateCurve.MAX_RATE);
    double slope1 = c.atMost("slope1", c.nonNegative("slope1"), InterestRateCurve.MAX_RATE);
    double slope2 = c.atMost("slope2", c.nonNegative("slope2"), InterestRateCurve.MAX_RATE);
    double optimal = c.number("optimalUtilisation");
    if (!Double.isNaN(optimal) && !(optimal > 0 && optimal < 1)) {
      c.get("optimalUtilisation").fail("must be in (0, 1), was " + optimal);
    }
    if (mark.failed()) {
      return null;
    }
    return c.build(() -> new InterestRateCurve(baseRate, slope1, slope2, optimal));
  }
}
