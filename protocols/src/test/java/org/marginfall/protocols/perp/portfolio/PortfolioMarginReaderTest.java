package org.marginfall.protocols.perp.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.testing.DeclaredSpecContext;

/**
 * Reading {@code portfolio:} blocks: every error names its exact field path and message, and valid
 * blocks read into the expected records. The block is read as {@code venues[0].portfolio}, the
 * place the perpetual venue will give it.
 */
@SuppressWarnings("unchecked") // the tests break nested maps of the tree they build
class PortfolioMarginReaderTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId SOL = AssetId.of("SOL");
  private static final AssetId STETH = AssetId.of("stETH");
  private static final String AT = "venues[0].portfolio";

  /** The outcome of reading one block. */
  private record Read(PortfolioMarginModel model, List<Problem> problems) {}

  private static Read read(Map<String, Object> block) {
    Problems problems = new Problems();
    Map<String, Object> venue = new LinkedHashMap<>();
    venue.put("id", "perp");
    venue.put("portfolio", block);
    SpecNode node =
        SpecNode.root(Map.of("venues", List.of(venue)), problems)
            .get("venues")
            .elements()
            .get(0)
            .get("portfolio");
    PortfolioMarginModel model =
        PortfolioMarginReader.read(
            node, DeclaredSpecContext.base("USD").spot("ETH", "BTC", "SOL").derived("stETH"));
    return new Read(model, problems.all());
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The span block of the issue, as a mutable map the test then breaks. */
  private static Map<String, Object> span() {
    return map(
        "method",
        "span",
        "priceScanRange",
        map("ETH", 0.15, "BTC", 0.10),
        "extremeMultiple",
        3,
        "coverFraction",
        0.35,
        "interCommodityCredit",
        new ArrayList<>(List.of(map("assets", List.of("ETH", "BTC"), "rate", 0.5))),
        "initialToMaintenance",
        1.1);
  }

  private static Map<String, Object> historicalVar() {
    return map(
        "method",
        "var",
        "confidence",
        0.99,
        "horizonSteps",
        60,
        "estimator",
        "historical",
        "windowSteps",
        1440);
  }

  private static Map<String, Object> parametricVar() {
    return map(
        "method",
        "var",
        "confidence",
        0.99,
        "estimator",
        "parametric",
        "volatility",
        map("ETH", 0.02, "BTC", 0.015),
        "correlation",
        new ArrayList<>(List.of(map("assets", List.of("ETH", "BTC"), "rho", 0.8))));
  }

  private static void assertOnlyProblem(String path, String message, Read r) {
    assertEquals(List.of(new Problem(path, message)), r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_spanBlockOfTheIssue() {
    Read r = read(span());
    assertEquals(List.of(), r.problems());
    Map<AssetId, Double> psr = new LinkedHashMap<>();
    psr.put(ETH, 0.15);
    psr.put(BTC, 0.10);
    SpanGrid expected =
        new SpanGrid(
            psr, ScenarioGrid.cme(3, 0.35), List.of(new InterCommodityCredit(ETH, BTC, 0.5)), 1.1);
    assertEquals(expected, r.model());
    assertEquals(List.of(ETH, BTC), List.copyOf(((SpanGrid) r.model()).priceScanRange().keySet()));
  }

  @Test
  void test_read_spanDefaultsAreCme() {
    Read r = read(map("method", "span", "priceScanRange", map("ETH", 0.15)));
    // k = 3, cover 0.35, ratio 1.1, no credits (CME Risk Arrays page).
    assertEquals(
        new SpanGrid(Map.of(ETH, 0.15), ScenarioGrid.cme(3, 0.35), List.of(), 1.1), r.model());
  }

  @Test
  void test_read_deribitGrid() {
    Read r =
        read(
            map(
                "method",
                "span",
                "grid",
                "deribit",
                "buckets",
                9,
                "priceScanRange",
                map("BTC", 0.16),
                "initialToMaintenance",
                1.2));
    assertEquals(List.of(), r.problems());
    assertEquals(
        new SpanGrid(Map.of(BTC, 0.16), ScenarioGrid.deribit(9), List.of(), 1.2), r.model());
  }

  @Test
  void test_read_deribitGridNeedsRatio() {
    assertOnlyProblem(
        AT + ".initialToMaintenance",
        "is required with grid: deribit (its multiplier is not published; about 1.2-1.3)",
        read(map("method", "span", "grid", "deribit", "priceScanRange", map("BTC", 0.16))));
  }

  @Test
  void test_read_deribitBucketsMustBeOdd() {
    Map<String, Object> b =
        map(
            "method",
            "span",
            "grid",
            "deribit",
            "buckets",
            8,
            "priceScanRange",
            map("BTC", 0.16),
            "initialToMaintenance",
            1.2);
    assertOnlyProblem(AT + ".buckets", "must be odd so that the grid includes 0, was 8", read(b));
  }

  @Test
  void test_read_unknownField() {
    Map<String, Object> b = span();
    b.put("scanRange", 0.1);
    assertOnlyProblem(
        AT + ".scanRange",
        "unknown field (known: buckets, coverFraction, extremeMultiple, grid, initialToMaintenance, "
            + "interCommodityCredit, method, priceScanRange)",
        read(b));
  }

  @Test
  void test_read_unknownMethod() {
    assertOnlyProblem(
        AT + ".method",
        "unknown method 'stress' (known: span, var)",
        read(map("method", "stress")));
  }

  @Test
  void test_read_unknownAssetInScanRange() {
    Map<String, Object> b = span();
    ((Map<String, Object>) b.get("priceScanRange")).put("DOGE", 0.2);
    assertOnlyProblem(
        AT + ".priceScanRange.DOGE",
        "unknown asset 'DOGE' (declared: USD, ETH, BTC, SOL, stETH)",
        read(b));
  }

  @Test
  void test_read_baseCurrencyHasNoScanRange() {
    Map<String, Object> b = span();
    ((Map<String, Object>) b.get("priceScanRange")).put("USD", 0.2);
    assertOnlyProblem(
        AT + ".priceScanRange.USD", "asset USD must be a spot asset with a price process", read(b));
  }

  @Test
  void test_read_scanRangeOutOfRangeOrTooWideForExtreme() {
    Map<String, Object> b = span();
    ((Map<String, Object>) b.get("priceScanRange")).put("ETH", 0.4);
    // 3 x 0.4 = 1.2: the -3 x PSR extreme would take the price below zero. Reported once: the
    // credit naming ETH does not add "no priceScanRange entry".
    assertOnlyProblem(
        AT + ".priceScanRange.ETH",
        "the largest down move, 3.0 x 0.4, would take the price to zero or below",
        read(b));
    ((Map<String, Object>) b.get("priceScanRange")).put("ETH", 0);
    assertOnlyProblem(AT + ".priceScanRange.ETH", "must be in (0, 1), was 0.0", read(b));
  }

  @Test
  void test_read_bucketsOnlyWithDeribit() {
    Map<String, Object> b = span();
    b.put("buckets", 9);
    assertOnlyProblem(AT + ".buckets", "only used with grid: deribit", read(b));
  }

  @Test
  void test_read_coverFractionAndExtremeMultiple() {
    Map<String, Object> b = span();
    b.put("coverFraction", 0);
    b.put("extremeMultiple", 0.5);
    Read r = read(b);
    assertEquals(
        List.of(
            new Problem(AT + ".extremeMultiple", "must be >= 1, was 0.5"),
            new Problem(AT + ".coverFraction", "must be in (0, 1], was 0.0")),
        r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_creditAssetWithoutScanRange() {
    Map<String, Object> b = span();
    b.put("interCommodityCredit", List.of(map("assets", List.of("ETH", "SOL"), "rate", 0.5)));
    assertOnlyProblem(
        AT + ".interCommodityCredit[0].assets[1]",
        "asset SOL has no priceScanRange entry",
        read(b));
  }

  @Test
  void test_read_creditErrors() {
    Map<String, Object> b = span();
    b.put(
        "interCommodityCredit",
        List.of(
            map("assets", List.of("ETH", "BTC"), "rate", 0.5),
            map("assets", List.of("BTC", "ETH"), "rate", 0.3),
            map("assets", List.of("ETH"), "rate", 0.3),
            map("assets", List.of("ETH", "ETH"), "rate", 0.3),
            map("assets", List.of("ETH", "BTC"), "rate", 1.5, "priority", 1)));
    Read r = read(b);
    assertEquals(
        List.of(
            new Problem(AT + ".interCommodityCredit[1]", "the pair BTC/ETH is listed twice"),
            new Problem(
                AT + ".interCommodityCredit[2].assets", "must list exactly two assets, was 1"),
            new Problem(
                AT + ".interCommodityCredit[3].assets",
                "must name two different assets, was ETH twice"),
            new Problem(
                AT + ".interCommodityCredit[4].priority", "unknown field (known: assets, rate)"),
            new Problem(AT + ".interCommodityCredit[4].rate", "must be between 0 and 1, was 1.5")),
        r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_historicalVar() {
    Read r = read(historicalVar());
    assertEquals(List.of(), r.problems());
    assertEquals(
        new ValueAtRisk(
            0.99,
            60,
            ValueAtRisk.Estimator.HISTORICAL,
            1440,
            Optional.empty(),
            ValueAtRisk.Measure.VAR,
            1.0),
        r.model());
  }

  @Test
  void test_read_parametricVarWithGivenCovariance() {
    Map<String, Object> b = parametricVar();
    b.put("measure", "expectedShortfall");
    b.put("initialToMaintenance", 1.25);
    Read r = read(b);
    assertEquals(List.of(), r.problems());
    Map<AssetId, Double> vol = new LinkedHashMap<>();
    vol.put(ETH, 0.02);
    vol.put(BTC, 0.015);
    assertEquals(
        new ValueAtRisk(
            0.99,
            1,
            ValueAtRisk.Estimator.PARAMETRIC,
            0,
            Optional.of(ReturnCovariance.of(vol, List.of(new Correlation(ETH, BTC, 0.8)))),
            ValueAtRisk.Measure.EXPECTED_SHORTFALL,
            1.25),
        r.model());
  }

  @Test
  void test_read_confidenceOutsideOpenInterval() {
    for (double c : new double[] {0.5, 1.0, 0.3}) {
      Map<String, Object> b = historicalVar();
      b.put("confidence", c);
      assertOnlyProblem(AT + ".confidence", "must be in (0.5, 1), was " + c, read(b));
    }
  }

  @Test
  void test_read_varFieldErrorsAreAllCollected() {
    Map<String, Object> b = historicalVar();
    b.remove("estimator");
    b.put("horizonSteps", 0);
    b.put("windowSteps", 1);
    b.put("measure", "cvar");
    b.put("priceScanRange", map("ETH", 0.1));
    Read r = read(b);
    assertEquals(
        List.of(
            new Problem(
                AT + ".priceScanRange",
                "unknown field (known: confidence, correlation, estimator, horizonSteps, initialToMaintenance, "
                    + "measure, method, volatility, windowSteps)"),
            new Problem(AT + ".horizonSteps", "must be between 1 and 2147483647, was 0"),
            new Problem(AT + ".estimator", "is required (one of: historical, parametric)"),
            new Problem(AT + ".measure", "unknown measure 'cvar' (known: var, expectedShortfall)"),
            new Problem(AT + ".windowSteps", "must be between 2 and 2147483646, was 1")),
        r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_volatilityOnlyWithParametric() {
    Map<String, Object> b = historicalVar();
    b.put("volatility", map("ETH", 0.02));
    Read r = read(b);
    assertEquals(
        List.of(
            new Problem(AT + ".volatility", "only used with estimator: parametric"),
            new Problem(
                AT + ".windowSteps",
                "only used with an estimated covariance (leave out volatility)")),
        r.problems());
  }

  @Test
  void test_read_correlationWithoutVolatility() {
    Map<String, Object> b = historicalVar();
    b.put("correlation", List.of(map("assets", List.of("ETH", "BTC"), "rho", 0.8)));
    assertOnlyProblem(AT + ".correlation", "only used with volatility", read(b));
  }

  @Test
  void test_read_missingCorrelationPair() {
    Map<String, Object> b = parametricVar();
    ((Map<String, Object>) b.get("volatility")).put("SOL", 0.03);
    Read r = read(b);
    assertEquals(
        List.of(
            new Problem(AT + ".correlation", "missing the pair ETH/SOL"),
            new Problem(AT + ".correlation", "missing the pair BTC/SOL")),
        r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_correlationErrors() {
    Map<String, Object> b = parametricVar();
    ((Map<String, Object>) b.get("volatility")).put("ETH", -0.02);
    b.put("correlation", List.of(map("assets", List.of("ETH", "BTC"), "rho", 1.2)));
    Read r = read(b);
    // ETH's bad volatility is reported once, not again where the correlation names ETH.
    assertEquals(
        List.of(
            new Problem(AT + ".volatility.ETH", "must be > 0, was -0.02"),
            new Problem(AT + ".correlation[0].rho", "must be between -1 and 1, was 1.2")),
        r.problems());
    assertNull(r.model());
  }

  @Test
  void test_read_impossibleCorrelations() {
    Map<String, Object> b = parametricVar();
    ((Map<String, Object>) b.get("volatility")).put("SOL", 0.02);
    b.put(
        "correlation",
        List.of(
            map("assets", List.of("ETH", "BTC"), "rho", 0.9),
            map("assets", List.of("ETH", "SOL"), "rho", 0.9),
            map("assets", List.of("BTC", "SOL"), "rho", -0.9)));
    Read r = read(b);
    assertEquals(1, r.problems().size());
    assertEquals(AT + ".correlation", r.problems().get(0).path());
    assertTrue(
        r.problems()
            .get(0)
            .message()
            .startsWith("the correlations do not form a valid (positive semi-definite) matrix"),
        r.problems().get(0).message());
    assertNull(r.model());
  }

  @Test
  void test_read_notAMapping() {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("venues", List.of(map("portfolio", "span"))), problems)
            .get("venues")
            .elements()
            .get(0)
            .get("portfolio");
    assertNull(
        PortfolioMarginReader.read(
            node, DeclaredSpecContext.base("USD").spot("ETH", "BTC", "SOL").derived("stETH")));
    assertEquals(List.of(new Problem(AT, "must be a mapping of fields")), problems.all());
  }
}
