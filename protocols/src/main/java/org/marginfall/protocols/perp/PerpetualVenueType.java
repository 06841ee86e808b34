package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.util.FieldException;
import org.marginfall.core.venue.VenueId;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginModel;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginReader;
import org.marginfall.protocols.perp.portfolio.SpanGrid;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk;

/**
 * Reads {@code type: perpetual} venues from scenario files.
 *
 * <p>Venue-level {@code initialMargin} and {@code maintenanceMargin} are defaults that a market
 * entry may override, and so are venue-level maintenance {@code tiers}; a market may be given as
 * just its asset id. The mechanisms beyond full liquidation (partial liquidation, backstop, ADL,
 * median mark, funding, staleness guard) are off unless their fields are given. Stateless and
 * thread-safe.
 */
public final class PerpetualVenueType implements VenueType {

  private static final String[] FIELDS = {
    "id",
    "type",
    "oracle",
    "marginMode",
    "markets",
    "collateral",
    "initialMargin",
    "maintenanceMargin",
    "liquidationFee",
    "liquidatorShare",
    "insuranceFund",
    "houseCapital",
    "tiers",
    "liquidation",
    "backstop",
    "deleveraging",
    "markPrice",
    "markBasisSteps",
    "fundingIntervalSteps",
    "fundingInterestRate",
    "fundingInterestClamp",
    "maxOracleAgeSteps",
    "onStale",
    "portfolio",
    "borrowing"
  };

  /**
   * The longest partial-liquidation cooldown, one year; a longer one is a typo, not a venue rule.
   */
  private static final double MAX_COOLDOWN_SECONDS = 365.0 * 24 * 3600;

  @Override
  public String name() {
    return PerpetualVenueSpec.TYPE;
  }

  /** Cross and portfolio margin become isolated margin: {@code marginMode: isolated}. */
  @Override
  public boolean isolate(Map<Object, Object> entry) {
    entry.put("marginMode", "isolated");
    entry.remove("portfolio");
    return true;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    MarginMode mode = readMode(node);
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
    LiquidationTerms liquidation = readLiquidation(node, context);
    Optional<BackstopTerms> backstop = readBackstop(node, context, accepted);
    DeleveragingTerms deleveraging = readDeleveraging(node);
    PricingTerms pricing = readPricing(node);
    Optional<PortfolioMarginModel> portfolio = readPortfolio(node, context, mode, listed);
    Optional<BorrowTerms> borrowing = BorrowTermsReader.read(node.get("borrowing"));
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new PerpetualVenueSpec(
                VenueId.of(id),
                oracle,
                mode,
                markets,
                collateral,
                fee,
                share,
                insurance,
                house,
                liquidation,
                backstop,
                deleveraging,
                pricing,
                portfolio,
                borrowing));
  }

  /**
   * Reads the {@code portfolio} block, which must be given exactly when {@code marginMode} is
   * portfolio and must cover every listed market.
   */
  private static Optional<PortfolioMarginModel> readPortfolio(
      SpecNode node, SpecContext context, MarginMode mode, Set<AssetId> markets) {
    SpecNode p = node.get("portfolio");
    if (mode != MarginMode.PORTFOLIO) {
      if (!p.isMissing()) {
        p.fail("is only read with marginMode portfolio");
      }
      return Optional.empty();
    }
    if (p.isMissing()) {
      p.fail("is required with marginMode portfolio (method: span or var)");
      return Optional.empty();
    }
    Problems.Mark mark = p.mark();
    PortfolioMarginModel model = PortfolioMarginReader.read(p, context);
    if (model == null || mark.failed()) {
      return Optional.empty();
    }
    for (AssetId market : markets) {
      boolean covered =
          model instanceof SpanGrid span
              ? span.priceScanRange().containsKey(market)
              : ((ValueAtRisk) model)
                  .covariance()
                  .map(c -> c.assets().contains(market))
                  .orElse(true);
      if (!covered) {
        p.fail(
            "does not cover market " + market + " (give it a price scan range, or a volatility)");
      }
    }
    return Optional.of(model);
  }

  /**
   * Reads {@code liquidation: {mode, closeFactor, partialAboveNotional, cooldownSeconds}}; full
   * when absent. The cooldown is counted in whole steps: ceil(cooldownSeconds / stepSeconds), so a
   * liquidation inside it is one less than cooldownSeconds after the partial one.
   */
  private static LiquidationTerms readLiquidation(SpecNode node, SpecContext context) {
    SpecNode l = node.get("liquidation");
    if (l.isMissing()) {
      return LiquidationTerms.FULL;
    }
    if (!l.requireObject()) {
      return null;
    }
    Problems.Mark mark = l.mark();
    l.allowOnly("mode", "closeFactor", "partialAboveNotional", "cooldownSeconds");
    LiquidationMode mode =
        choice(
            l,
            "mode",
            "liquidation mode",
            LiquidationMode.values(),
            LiquidationMode::scenarioName,
            LiquidationMode.FULL);
    double factor = l.number("closeFactor", 1);
    if (!Double.isNaN(factor) && !(factor > 0 && factor <= 1)) {
      l.get("closeFactor").fail("must be in (0, 1], was " + factor);
    }
    double above = l.nonNegative("partialAboveNotional", 0);
    double cooldown = l.nonNegative("cooldownSeconds", 0);
    if (cooldown > MAX_COOLDOWN_SECONDS) {
      l.get("cooldownSeconds")
          .fail("must be at most " + (long) MAX_COOLDOWN_SECONDS + " (one year), was " + cooldown);
    }
    if (mode == LiquidationMode.FULL && (l.has("closeFactor") || l.has("partialAboveNotional"))) {
      l.get("mode")
          .fail("closeFactor and partialAboveNotional apply only to mode partial or fixed-partial");
    }
    if (mode != LiquidationMode.FIXED_PARTIAL && l.has("cooldownSeconds")) {
      l.get("mode").fail("cooldownSeconds applies only to mode fixed-partial");
    }
    if (mark.failed()) {
      return null;
    }
    long cooldownSteps = (long) Math.ceil(cooldown / context.stepSeconds());
    return l.build(() -> new LiquidationTerms(mode, factor, above, cooldownSteps));
  }

  /**
   * Reads {@code backstop: {shareAsset, capital, takeoverBelow, unwindFraction}}; none when absent.
   */
  private static Optional<BackstopTerms> readBackstop(
      SpecNode node, SpecContext context, Set<AssetId> collateral) {
    SpecNode b = node.get("backstop");
    if (b.isMissing()) {
      return Optional.empty();
    }
    if (!b.requireObject()) {
      return null;
    }
    Problems.Mark mark = b.mark();
    b.allowOnly("shareAsset", "capital", "takeoverBelow", "unwindFraction");
    AssetId share = context.issuedAssetRef(b, "shareAsset");
    if (share != null && collateral.contains(share)) {
      b.get("shareAsset")
          .fail(
              "asset '" + share + "' is this venue's own share; it cannot also be its collateral");
    }
    double capital = b.positive("capital");
    double below = b.fraction("takeoverBelow", 2.0 / 3.0);
    double unwind = b.number("unwindFraction", 0.25);
    if (!Double.isNaN(unwind) && !(unwind > 0 && unwind <= 1)) {
      b.get("unwindFraction").fail("must be in (0, 1], was " + unwind);
    }
    if (mark.failed()) {
      return null;
    }
    BackstopTerms terms = b.build(() -> new BackstopTerms(share, capital, below, unwind));
    return terms == null ? null : Optional.of(terms);
  }

  /** Reads {@code deleveraging: {rule, socializeLosses}}; none when absent. */
  private static DeleveragingTerms readDeleveraging(SpecNode node) {
    SpecNode d = node.get("deleveraging");
    if (d.isMissing()) {
      return DeleveragingTerms.NONE;
    }
    if (!d.requireObject()) {
      return null;
    }
    Problems.Mark mark = d.mark();
    d.allowOnly("rule", "socializeLosses");
    DeleveragingRule rule =
        choice(
            d,
            "rule",
            "deleveraging rule",
            DeleveragingRule.values(),
            DeleveragingRule::scenarioName,
            DeleveragingRule.NONE);
    boolean socialize = d.bool("socializeLosses", false);
    if (mark.failed()) {
      return null;
    }
    return new DeleveragingTerms(rule, socialize);
  }

  /** Reads the mark price, funding and staleness fields. */
  private static PricingTerms readPricing(SpecNode node) {
    Problems.Mark mark = node.mark();
    PricingTerms d = PricingTerms.DEFAULT;
    MarkPriceRule rule =
        choice(
            node,
            "markPrice",
            "mark price",
            MarkPriceRule.values(),
            MarkPriceRule::scenarioName,
            d.markPrice());
    int basis = node.integer("markBasisSteps", d.basisAverageSteps(), 1, 1_000_000);
    int interval = node.integer("fundingIntervalSteps", d.fundingIntervalSteps(), 0, 1_000_000);
    double interest = node.number("fundingInterestRate", d.interestRate());
    double clamp = node.nonNegative("fundingInterestClamp", d.interestClamp());
    if (interval == 0) {
      for (String f : List.of("fundingInterestRate", "fundingInterestClamp")) {
        if (node.has(f)) {
          node.get(f).fail("applies only with fundingIntervalSteps > 0");
        }
      }
    }
    long maxAge = node.longValue("maxOracleAgeSteps", d.maxOracleAgeSteps());
    if (maxAge < 0) {
      node.get("maxOracleAgeSteps").fail("must be >= 0, was " + maxAge);
    }
    StaleAction onStale =
        choice(
            node,
            "onStale",
            "action",
            StaleAction.values(),
            StaleAction::scenarioName,
            d.onStale());
    if (maxAge == 0 && node.has("onStale")) {
      node.get("onStale").fail("applies only with maxOracleAgeSteps > 0");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () -> new PricingTerms(rule, basis, interval, interest, clamp, maxAge, onStale));
  }

  /**
   * Reads an enumerated field by its scenario names; the default after a reported failure, so the
   * rest of the entry is still read.
   */
  private static <E> E choice(
      SpecNode node,
      String field,
      String what,
      E[] values,
      java.util.function.Function<E, String> name,
      E defaultValue) {
    E e = node.choice(field, what, SpecNode.byName(name, values), defaultValue);
    return e == null ? defaultValue : e;
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

  private static MarginMode readMode(SpecNode node) {
    return node.choice(
        "marginMode",
        "margin mode",
        SpecNode.byName(MarginMode::scenarioName, MarginMode.values()),
        MarginMode.CROSS);
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

  private static CollateralTerms readCollateral(SpecNode c, SpecContext context) {
    Problems.Mark mark = c.mark();
    if (!c.requireObject()) {
      return null;
    }
    c.allowOnly("asset", "haircut", "cap");
    AssetId asset = context.assetRef(c, "asset");
    double haircut = c.fraction("haircut", 0);
    if (!Double.isNaN(haircut) && haircut >= 1) {
      c.get("haircut").fail("must be below 1, was " + haircut);
    }
    if (asset != null && asset.equals(context.baseCurrency()) && haircut != 0) {
      // The base currency settles every position at 1; a haircut on it would be silently ignored.
      c.get("haircut")
          .fail("the base currency " + asset + " is always accepted at haircut 0, was " + haircut);
    }
    double cap = c.positive("cap", Double.POSITIVE_INFINITY);
    if (asset != null && asset.equals(context.baseCurrency()) && c.has("cap")) {
      c.get("cap").fail("the base currency " + asset + " is always counted in full");
    }
    if (mark.failed()) {
      return null;
    }
    return c.build(() -> new CollateralTerms(asset, haircut, cap));
  }
}
