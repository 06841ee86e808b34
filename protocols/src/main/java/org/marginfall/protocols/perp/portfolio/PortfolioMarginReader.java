package org.marginfall.protocols.perp.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Checks;

/**
 * Reads a {@code portfolio:} block of a scenario into a {@link PortfolioMarginModel}, reporting
 * every problem with its field path and rejecting unknown fields.
 *
 * <pre>
 * portfolio: {method: span, grid: cme, priceScanRange: {ETH: 0.15, BTC: 0.10}, extremeMultiple: 3,
 *             coverFraction: 0.35, interCommodityCredit: [{assets: [ETH, BTC], rate: 0.5}],
 *             initialToMaintenance: 1.1}
 * portfolio: {method: span, grid: deribit, buckets: 9, priceScanRange: {BTC: 0.16}, initialToMaintenance: 1.2}
 * portfolio: {method: var, confidence: 0.99, horizonSteps: 60, estimator: historical, windowSteps: 1440}
 * portfolio: {method: var, confidence: 0.99, estimator: parametric,
 *             volatility: {ETH: 0.01, BTC: 0.008}, correlation: [{assets: [ETH, BTC], rho: 0.8}]}
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class PortfolioMarginReader {

  private static final String[] SPAN_FIELDS = {
    "method",
    "grid",
    "priceScanRange",
    "extremeMultiple",
    "coverFraction",
    "buckets",
    "interCommodityCredit",
    "initialToMaintenance"
  };

  private static final String[] VAR_FIELDS = {
    "method",
    "confidence",
    "horizonSteps",
    "estimator",
    "windowSteps",
    "volatility",
    "correlation",
    "measure",
    "initialToMaintenance"
  };

  /**
   * Default ratio for VaR: no venue document fixes one, so initial equals maintenance unless set.
   */
  private static final double VAR_INITIAL_TO_MAINTENANCE = 1.0;

  private PortfolioMarginReader() {}

  /**
   * Reads the block.
   *
   * @param node the {@code portfolio} mapping
   * @param context the declared assets
   * @return the model, or null after reporting at least one problem
   */
  public static PortfolioMarginModel read(SpecNode node, SpecContext context) {
    if (!node.requireObject()) {
      return null;
    }
    Map<String, BiFunction<SpecNode, SpecContext, PortfolioMarginModel>> methods =
        Map.of("span", PortfolioMarginReader::readSpan, "var", PortfolioMarginReader::readVar);
    BiFunction<SpecNode, SpecContext, PortfolioMarginModel> method =
        node.choice("method", "method", methods);
    return method == null ? null : method.apply(node, context);
  }

  private static SpanGrid readSpan(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(SPAN_FIELDS);
    ScenarioGrid.Kind kind = readGridKind(node);
    ScenarioGrid grid = null;
    if (kind == ScenarioGrid.Kind.CME) {
      onlyWith(node, "buckets", "grid: deribit");
      double k = node.number("extremeMultiple", ScenarioGrid.CME_EXTREME_MULTIPLE);
      if (!Double.isNaN(k) && !(k >= 1)) {
        node.get("extremeMultiple").fail("must be >= 1, was " + k);
      }
      double cover = node.number("coverFraction", ScenarioGrid.CME_COVER_FRACTION);
      if (!Double.isNaN(cover) && !(cover > 0 && cover <= 1)) {
        node.get("coverFraction").fail("must be in (0, 1], was " + cover);
      }
      if (mark.clean()) {
        grid = ScenarioGrid.cme(k, cover);
      }
    } else if (kind == ScenarioGrid.Kind.DERIBIT) {
      onlyWith(node, "extremeMultiple", "grid: cme");
      onlyWith(node, "coverFraction", "grid: cme");
      int buckets = node.integer("buckets", ScenarioGrid.DERIBIT_BUCKETS, 3, 1001);
      if (mark.clean() && buckets % 2 == 0) {
        node.get("buckets").fail("must be odd so that the grid includes 0, was " + buckets);
      } else if (mark.clean()) {
        grid = ScenarioGrid.deribit(buckets);
      }
    }
    Map<AssetId, Double> psr = readPriceScanRange(node, context, grid);
    List<InterCommodityCredit> credits = readCredits(node, context, psr);
    double ratio =
        readRatio(
            node,
            kind == ScenarioGrid.Kind.DERIBIT ? Double.NaN : SpanGrid.CME_INITIAL_TO_MAINTENANCE);
    if (mark.failed() || grid == null) {
      return null;
    }
    ScenarioGrid g = grid;
    return node.build(() -> new SpanGrid(psr, g, credits, ratio));
  }

  private static ScenarioGrid.Kind readGridKind(SpecNode node) {
    return node.choice(
        "grid",
        "grid",
        SpecNode.byName(ScenarioGrid.Kind::scenarioName, ScenarioGrid.Kind.values()),
        ScenarioGrid.Kind.CME);
  }

  private static void onlyWith(SpecNode node, String field, String condition) {
    if (node.has(field)) {
      node.get(field).fail("only used with " + condition);
    }
  }

  /**
   * The scan ranges, keeping the file order; each range must keep the largest down move above
   * -100%. Only used to build a model when no problem was reported.
   */
  private static Map<AssetId, Double> readPriceScanRange(
      SpecNode node, SpecContext context, ScenarioGrid grid) {
    Map<AssetId, Double> out = new LinkedHashMap<>();
    SpecNode map = node.object("priceScanRange");
    if (!map.isObject()) {
      return out;
    }
    if (map.fieldNames().isEmpty()) {
      map.fail("must name at least one asset");
    }
    for (String key : map.fieldNames()) {
      SpecNode v = map.get(key);
      AssetId asset = assetKey(v, key, context);
      double r = v.asDouble();
      if (!Double.isNaN(r) && !(r > 0 && r < 1)) {
        v.fail("must be in (0, 1), was " + r);
      } else if (!Double.isNaN(r) && grid != null && !(grid.largestDownMove() * r < 1)) {
        v.fail(
            "the largest down move, "
                + grid.largestDownMove()
                + " x "
                + r
                + ", would take the price to zero or below");
      }
      if (asset != null) {
        // Kept even when the value is invalid, so that credits naming the asset report nothing
        // more.
        out.put(asset, r);
      }
    }
    return out;
  }

  /** Reads a map key as a spot asset, reporting at the key's value. */
  private static AssetId assetKey(SpecNode at, String key, SpecContext context) {
    if (!Checks.isId(key) || context.asset(AssetId.of(key)).isEmpty()) {
      at.fail(
          "unknown asset '"
              + key
              + "' (declared: "
              + SpecContext.declared(context.assetIds())
              + ")");
      return null;
    }
    AssetId a = AssetId.of(key);
    if (context.asset(a).map(x -> x.kind() != AssetKind.SPOT).orElse(true)) {
      at.fail("asset " + a + " must be a spot asset with a price process");
      return null;
    }
    return a;
  }

  /** Reads {@code assets: [A, B]} of a pair entry; both must be keys of {@code known}. */
  private static AssetId[] readPair(
      SpecNode entry, SpecContext context, Map<AssetId, Double> known, String knownField) {
    SpecNode assets = entry.get("assets");
    List<SpecNode> els = assets.elements();
    if (assets.isMissing() || !assets.isList()) {
      return null;
    }
    if (els.size() != 2) {
      assets.fail("must list exactly two assets, was " + els.size());
      return null;
    }
    AssetId[] pair = new AssetId[2];
    for (int i = 0; i < 2; i++) {
      pair[i] = context.assetRef(els.get(i));
      if (pair[i] != null && !known.containsKey(pair[i])) {
        els.get(i).fail("asset " + pair[i] + " has no " + knownField + " entry");
        pair[i] = null;
      }
    }
    if (pair[0] == null || pair[1] == null) {
      return null;
    }
    if (pair[0].equals(pair[1])) {
      assets.fail("must name two different assets, was " + pair[0] + " twice");
      return null;
    }
    return pair;
  }

  private static List<InterCommodityCredit> readCredits(
      SpecNode node, SpecContext context, Map<AssetId, Double> psr) {
    List<InterCommodityCredit> out = new ArrayList<>();
    for (SpecNode c : node.optList("interCommodityCredit")) {
      if (!c.requireObject()) {
        continue;
      }
      Problems.Mark mark = c.mark();
      c.allowOnly("assets", "rate");
      AssetId[] pair = readPair(c, context, psr, "priceScanRange");
      double rate = c.fraction("rate");
      if (!Double.isNaN(rate) && !(rate > 0)) {
        c.get("rate").fail("must be in (0, 1], was " + rate);
      }
      if (mark.failed() || pair == null) {
        continue;
      }
      if (out.stream().anyMatch(x -> x.pairs(pair[0], pair[1]))) {
        c.fail("the pair " + pair[0] + "/" + pair[1] + " is listed twice");
        continue;
      }
      out.add(new InterCommodityCredit(pair[0], pair[1], rate));
    }
    return out;
  }

  /** Reads initialToMaintenance; a NaN default makes the field required. */
  private static double readRatio(SpecNode node, double defaultValue) {
    SpecNode f = node.get("initialToMaintenance");
    if (f.isMissing() && Double.isNaN(defaultValue)) {
      f.fail("is required with grid: deribit (its multiplier is not published; about 1.2-1.3)");
      return Double.NaN;
    }
    double r = node.number("initialToMaintenance", defaultValue);
    if (!Double.isNaN(r) && !(r >= 1)) {
      f.fail("must be >= 1, was " + r);
      return Double.NaN;
    }
    return r;
  }

  private static ValueAtRisk readVar(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(VAR_FIELDS);
    double confidence = node.number("confidence");
    if (!Double.isNaN(confidence) && !(confidence > 0.5 && confidence < 1)) {
      node.get("confidence").fail("must be in (0.5, 1), was " + confidence);
    }
    int horizon = node.integer("horizonSteps", 1, 1, Integer.MAX_VALUE);
    ValueAtRisk.Estimator estimator = readChoice(node, "estimator", estimators(), null);
    ValueAtRisk.Measure measure = readChoice(node, "measure", measures(), ValueAtRisk.Measure.VAR);
    boolean given = node.has("volatility");
    if (given && estimator == ValueAtRisk.Estimator.HISTORICAL) {
      node.get("volatility").fail("only used with estimator: parametric");
    }
    if (!given) {
      onlyWith(node, "correlation", "volatility");
    }
    int window = 0;
    if (given) {
      onlyWith(node, "windowSteps", "an estimated covariance (leave out volatility)");
    } else {
      window = node.integer("windowSteps", 2, Integer.MAX_VALUE - 1);
    }
    Optional<ReturnCovariance> cov = Optional.empty();
    Map<AssetId, Double> vol = given ? readVolatility(node, context) : Map.of();
    List<Correlation> corr = given ? readCorrelations(node, context, vol) : List.of();
    double ratio = readRatio(node, VAR_INITIAL_TO_MAINTENANCE);
    if (mark.failed()) {
      return null;
    }
    if (given) {
      ReturnCovariance c = node.build(() -> ReturnCovariance.of(vol, corr));
      if (c == null) {
        return null;
      }
      cov = Optional.of(c);
    }
    Optional<ReturnCovariance> covariance = cov;
    int w = window;
    return node.build(
        () -> new ValueAtRisk(confidence, horizon, estimator, w, covariance, measure, ratio));
  }

  /** Reads a named choice; a null default makes the field required. */
  private static <E> E readChoice(
      SpecNode node, String field, Map<String, E> choices, E defaultValue) {
    SpecNode f = node.get(field);
    String known = String.join(", ", choices.keySet());
    if (f.isMissing() && defaultValue != null) {
      return defaultValue;
    }
    if (f.isMissing()) {
      f.fail("is required (one of: " + known + ")");
      return null;
    }
    String s = f.asString();
    E e = choices.get(s);
    if (e == null) {
      f.fail("unknown " + field + " '" + s + "' (known: " + known + ")");
    }
    return e;
  }

  private static Map<String, ValueAtRisk.Estimator> estimators() {
    Map<String, ValueAtRisk.Estimator> m = new LinkedHashMap<>();
    for (ValueAtRisk.Estimator e : ValueAtRisk.Estimator.values()) {
      m.put(e.scenarioName(), e);
    }
    return m;
  }

  private static Map<String, ValueAtRisk.Measure> measures() {
    Map<String, ValueAtRisk.Measure> m = new LinkedHashMap<>();
    for (ValueAtRisk.Measure e : ValueAtRisk.Measure.values()) {
      m.put(e.scenarioName(), e);
    }
    return m;
  }

  private static Map<AssetId, Double> readVolatility(SpecNode node, SpecContext context) {
    Map<AssetId, Double> out = new LinkedHashMap<>();
    SpecNode map = node.object("volatility");
    if (!map.isObject()) {
      return out;
    }
    if (map.fieldNames().isEmpty()) {
      map.fail("must name at least one asset");
    }
    for (String key : map.fieldNames()) {
      SpecNode v = map.get(key);
      AssetId asset = assetKey(v, key, context);
      double s = v.asDouble();
      if (!Double.isNaN(s) && !(s > 0)) {
        v.fail("must be > 0, was " + s);
      }
      if (asset != null) {
        // Kept even when the value is invalid, so that correlations naming the asset report nothing
        // more.
        out.put(asset, s);
      }
    }
    return out;
  }

  private static List<Correlation> readCorrelations(
      SpecNode node, SpecContext context, Map<AssetId, Double> vol) {
    Problems.Mark mark = node.mark();
    List<Correlation> out = new ArrayList<>();
    for (SpecNode c : node.optList("correlation")) {
      if (!c.requireObject()) {
        continue;
      }
      Problems.Mark m = c.mark();
      c.allowOnly("assets", "rho");
      AssetId[] pair = readPair(c, context, vol, "volatility");
      double rho = c.number("rho");
      if (!Double.isNaN(rho) && !(rho >= -1 && rho <= 1)) {
        c.get("rho").fail("must be between -1 and 1, was " + rho);
      }
      if (m.failed() || pair == null) {
        continue;
      }
      if (out.stream().anyMatch(x -> x.pairs(pair[0], pair[1]))) {
        c.fail("the pair " + pair[0] + "/" + pair[1] + " is listed twice");
        continue;
      }
      out.add(new Correlation(pair[0], pair[1], rho));
    }
    if (mark.clean()) {
      // Every pair needs a stated correlation: an unstated 0 would understate a hedged book's risk.
      List<AssetId> assets = List.copyOf(vol.keySet());
      for (int i = 0; i < assets.size(); i++) {
        for (int j = i + 1; j < assets.size(); j++) {
          AssetId a = assets.get(i);
          AssetId b = assets.get(j);
          if (out.stream().noneMatch(x -> x.pairs(a, b))) {
            node.get("correlation").fail("missing the pair " + a + "/" + b);
          }
        }
      }
    }
    return out;
  }
}
