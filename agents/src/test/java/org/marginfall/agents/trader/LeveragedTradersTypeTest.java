package org.marginfall.agents.trader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeSpecContext;
import org.marginfall.agents.testkit.FakeSpecContext.FakeVenueSpec;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.venue.VenueId;

/**
 * Reading {@code type: leveraged-traders} from a parsed scenario tree, as the scenario reader does.
 */
class LeveragedTradersTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId SOL = AssetId.of("SOL");

  /** Real scenarios list populations under {@code agents}; this is the first one's path. */
  private static final String AT = "agents[0].";

  /**
   * perp-a lists ETH and BTC and takes ETH collateral; perp-b lists ETH only, base collateral only.
   */
  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .spot(BTC)
          .spot(SOL)
          .venue(
              new FakeVenueSpec(
                  VenueId.of("perp-a"), "perpetual", Set.of(ETH, BTC), Set.of(ETH), true))
          .venue(new FakeVenueSpec(VenueId.of("perp-b"), "perpetual", Set.of(ETH), Set.of(), true))
          .venue(
              new FakeVenueSpec(
                  VenueId.of("lend-a"), "lending", Set.of(ETH, BTC), Set.of(ETH), false));

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "traders");
    m.put("type", "leveraged-traders");
    m.put("venue", "perp-a");
    m.put("count", 300);
    m.put(
        "markets",
        List.of(Map.of("asset", "ETH", "weight", 0.7), Map.of("asset", "BTC", "weight", 0.3)));
    m.put("collateral", Map.of("dist", "lognormal", "median", 25000, "sigma", 1.0));
    m.put("leverage", Map.of("dist", "uniform", "min", 2, "max", 12));
    m.put("longShare", 0.85);
    return m;
  }

  private record Read(PopulationSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> population) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(population)), problems)
            .get("agents")
            .elements()
            .get(0);
    PopulationSpec spec = new LeveragedTradersType().read(node, CONTEXT);
    return new Read(spec, problems.all());
  }

  /** Reads a population that must fail with exactly one problem, and returns it. */
  private static Problem onlyProblem(Map<String, Object> population) {
    Read r = read(population);
    assertNull(r.spec(), "an invalid population yields no spec");
    assertEquals(1, r.problems().size(), r.problems().toString());
    return r.problems().get(0);
  }

  private static void assertProblem(String path, String message, Problem p) {
    assertEquals(path, p.path(), p.toString());
    assertEquals(message, p.message(), p.toString());
  }

  @Test
  void test_read_validSpecGivesTheExpectedRecord() {
    Read r = read(valid());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(
        new LeveragedTradersSpec(
            "traders",
            VenueId.of("perp-a"),
            List.of(new MarketWeight(ETH, 0.7), new MarketWeight(BTC, 0.3)),
            300,
            USD,
            new Distribution.LogNormal(25000, 1.0),
            new Distribution.Uniform(2, 12),
            0.85),
        r.spec());
    assertEquals("leveraged-traders", new LeveragedTradersType().name());
  }

  @Test
  void test_read_plainMarketIdsGetEqualWeightsAndDefaultsApply() {
    Map<String, Object> m = valid();
    m.put("markets", List.of("ETH", "BTC"));
    m.put("collateralAsset", "ETH");
    m.put("collateral", 8);
    m.put("leverage", 3);
    m.remove("longShare");
    Read r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    LeveragedTradersSpec s = (LeveragedTradersSpec) r.spec();
    assertEquals(List.of(new MarketWeight(ETH, 1), new MarketWeight(BTC, 1)), s.markets());
    assertEquals(ETH, s.collateralAsset());
    assertEquals(new Distribution.Constant(8), s.collateral());
    assertEquals(new Distribution.Constant(3), s.leverage());
    assertEquals(1.0, s.longShare(), 0.0, "longShare defaults to all long");
  }

  @Test
  void test_read_baseCurrencyCollateralIsAlwaysAccepted() {
    Map<String, Object> m = valid();
    m.put("venue", "perp-b"); // lists no collateral besides the base currency
    m.put("markets", List.of("ETH"));
    m.put("collateralAsset", "USD");
    Read r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(USD, ((LeveragedTradersSpec) r.spec()).collateralAsset());
  }

  @Test
  void test_read_unknownVenueListsDeclaredOnes() {
    Map<String, Object> m = valid();
    m.put("venue", "perp-z");
    assertProblem(
        AT + "venue", "unknown venue 'perp-z' (declared: perp-a, perp-b, lend-a)", onlyProblem(m));
  }

  @Test
  void test_read_venueThatIsNotPerpetualFails() {
    Map<String, Object> m = valid();
    m.put("venue", "lend-a");
    assertProblem(
        AT + "venue", "venue 'lend-a' is a lending venue, not a perpetual one", onlyProblem(m));
  }

  @Test
  void test_read_marketNotListedByTheVenueFails() {
    Map<String, Object> m = valid();
    m.put("venue", "perp-b");
    Problem p = onlyProblem(m);
    assertEquals(AT + "markets[1]", p.path());
    assertTrue(p.message().startsWith("venue 'perp-b' lists no market for BTC"), p.message());
  }

  @Test
  void test_read_unknownMarketAssetFails() {
    Map<String, Object> m = valid();
    m.put("markets", List.of(Map.of("asset", "ETH"), Map.of("asset", "DOGE")));
    assertProblem(
        AT + "markets[1].asset",
        "unknown asset 'DOGE' (declared: USD, ETH, BTC, SOL)",
        onlyProblem(m));
  }

  @Test
  void test_read_unknownPlainMarketIdFailsLikeAnyAssetReference() {
    Map<String, Object> m = valid();
    m.put("markets", List.of("ETH", "DOGE"));
    assertProblem(
        AT + "markets[1]", "unknown asset 'DOGE' (declared: USD, ETH, BTC, SOL)", onlyProblem(m));
  }

  @Test
  void test_read_marketNamedTwiceFails() {
    Map<String, Object> m = valid();
    m.put("markets", List.of("ETH", "ETH"));
    assertProblem(AT + "markets[1]", "market ETH is named twice", onlyProblem(m));
  }

  @Test
  void test_read_emptyMarketsFail() {
    Map<String, Object> m = valid();
    m.put("markets", List.of());
    assertProblem(AT + "markets", "must not be empty", onlyProblem(m));
  }

  @Test
  void test_read_collateralAssetNotAcceptedByTheVenueFails() {
    Map<String, Object> m = valid();
    m.put("venue", "perp-b");
    m.put("markets", List.of("ETH"));
    m.put("collateralAsset", "ETH");
    assertProblem(
        AT + "collateralAsset", "venue 'perp-b' does not accept ETH as collateral", onlyProblem(m));
  }

  @Test
  void test_read_leverageThatCanBeNonPositiveFails() {
    Map<String, Object> m = valid();
    m.put("leverage", Map.of("dist", "normal", "mean", 5, "sd", 1));
    assertProblem(
        AT + "leverage",
        "must only produce values > 0 (use a uniform, lognormal or constant)",
        onlyProblem(m));
    m.put("leverage", Map.of("dist", "uniform", "min", -1, "max", 5));
    assertEquals(AT + "leverage", onlyProblem(m).path());
  }

  @Test
  void test_read_lognormalAndExponentialLeverageAreAccepted() {
    // Both are > 0 everywhere (their lower bound 0 is never attained), and the leverage error
    // message itself recommends a lognormal.
    Map<String, Object> m = valid();
    m.put("leverage", Map.of("dist", "lognormal", "median", 5, "sigma", 0.5));
    Read r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(new Distribution.LogNormal(5, 0.5), ((LeveragedTradersSpec) r.spec()).leverage());
    m.put("leverage", Map.of("dist", "exponential", "mean", 4));
    r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void test_read_collateralWithNegativeLowerBoundFails() {
    Map<String, Object> m = valid();
    m.put("collateral", Map.of("dist", "uniform", "min", -100, "max", 1000));
    assertProblem(AT + "collateral", "must not produce negative amounts", onlyProblem(m));
  }

  @Test
  void test_read_countZeroFails() {
    Map<String, Object> m = valid();
    m.put("count", 0);
    assertProblem(AT + "count", "must be between 1 and 10000000, was 0", onlyProblem(m));
  }

  @Test
  void test_read_unknownFieldFailsListingKnownOnes() {
    Map<String, Object> m = valid();
    m.put("leverge", 3);
    assertProblem(
        AT + "leverge",
        "unknown field (known: collateral, collateralAsset, count, id, leverage, longShare, markets, panic, stopLoss, takeProfit, topUp, type, venue)",
        onlyProblem(m));
  }

  @Test
  void test_read_longShareAboveOneFails() {
    Map<String, Object> m = valid();
    m.put("longShare", 1.5);
    assertProblem(AT + "longShare", "must be between 0 and 1, was 1.5", onlyProblem(m));
  }

  @Test
  void test_read_reportsEveryProblemInOnePass() {
    Map<String, Object> m = valid();
    m.put("count", 0);
    m.put("longShare", -0.1);
    m.put("leverage", Map.of("dist", "normal", "mean", 5, "sd", 1));
    Read r = read(m);
    assertNull(r.spec());
    List<String> paths = new ArrayList<>();
    r.problems().forEach(p -> paths.add(p.path()));
    assertEquals(List.of(AT + "count", AT + "leverage", AT + "longShare"), paths);
  }
}
