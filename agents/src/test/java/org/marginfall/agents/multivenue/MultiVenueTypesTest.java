package org.marginfall.agents.multivenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.venue.VenueId;

/**
 * Reading {@code pooled-traders} and {@code collateral-movers} populations, errors with exact
 * paths.
 */
class MultiVenueTypesTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final VenueId A = VenueId.of("perp-a");
  private static final VenueId B = VenueId.of("perp-b");
  private static final String AT = "agents[0].";

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .spot(BTC)
          .venue(new FakeVenueSpec(A, "perpetual", Set.of(ETH), Set.of(ETH), true))
          .venue(new FakeVenueSpec(B, "perpetual", Set.of(BTC), Set.of(), true))
          .venue(
              new FakeVenueSpec(VenueId.of("lend-a"), "lending", Set.of(ETH), Set.of(ETH), false));

  private static Map<String, Object> leg(String venue, String market) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("venue", venue);
    m.put("market", market);
    m.put("margin", 1000);
    m.put("leverage", 5);
    return m;
  }

  private static Map<String, Object> pooled() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "pooled");
    m.put("type", "pooled-traders");
    m.put("count", 2);
    Map<String, Object> b = leg("perp-b", "BTC");
    b.put("weight", 3);
    b.put("cap", 500);
    m.put("legs", List.of(leg("perp-a", "ETH"), b));
    m.put(
        "pool",
        List.of(Map.of("asset", "USD", "amount", 1000), Map.of("asset", "ETH", "amount", 1)));
    m.put("share", 0.25);
    m.put("ringFence", List.of(Map.of("assets", List.of("ETH"), "venues", List.of("perp-a"))));
    return m;
  }

  private static Map<String, Object> movers() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "movers");
    m.put("type", "collateral-movers");
    m.put("count", 3);
    m.put("legs", List.of(leg("perp-a", "ETH"), leg("perp-b", "BTC")));
    m.put("latencySteps", 4);
    return m;
  }

  private record Read(PopulationSpec spec, List<Problem> problems) {}

  private static Read read(PopulationType type, Map<String, Object> population) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(population)), problems)
            .get("agents")
            .elements()
            .get(0);
    return new Read(type.read(node, CONTEXT), problems.all());
  }

  private static void assertOnlyProblem(String path, String message, Read r) {
    assertNull(r.spec(), "an invalid population yields no spec");
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(path, r.problems().get(0).path(), r.problems().toString());
    assertEquals(message, r.problems().get(0).message(), r.problems().toString());
  }

  @Test
  void test_read_pooledValidSpecWithDefaults() {
    Read r = read(new PooledTradersType(), pooled());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    Distribution thousand = new Distribution.Constant(1000);
    Distribution five = new Distribution.Constant(5);
    assertEquals(
        new PooledTradersSpec(
            "pooled",
            2,
            List.of(
                new Leg(A, ETH, thousand, five, 1, 1, Double.POSITIVE_INFINITY),
                new Leg(B, BTC, thousand, five, 1, 3, 500)),
            List.of(new PoolAsset(USD, thousand), new PoolAsset(ETH, new Distribution.Constant(1))),
            0.25,
            List.of(new RingFence(List.of(ETH), List.of(A))),
            1.05,
            1.25),
        r.spec());
    assertEquals("pooled-traders", new PooledTradersType().name());
  }

  @Test
  void test_read_moversValidSpecWithDefaults() {
    Read r = read(new CollateralMoversType(), movers());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    CollateralMoversSpec s = (CollateralMoversSpec) r.spec();
    assertEquals(1.1, s.defendBelow(), 0);
    assertEquals(1.3, s.targetHealth(), 0);
    assertEquals(1.5, s.keepHealth(), 0);
    assertEquals(4, s.latencySteps());
    assertEquals(2, s.legs().size());
    assertEquals("collateral-movers", new CollateralMoversType().name());
  }

  @Test
  void test_read_shareOutsideUnitIntervalFails() {
    Map<String, Object> m = pooled();
    m.put("share", 1.5);
    assertOnlyProblem(
        AT + "share", "must be between 0 and 1, was 1.5", read(new PooledTradersType(), m));
  }

  @Test
  void test_read_legOnLendingVenueFails() {
    Map<String, Object> m = movers();
    m.put("legs", List.of(leg("perp-a", "ETH"), leg("lend-a", "ETH")));
    assertOnlyProblem(
        AT + "legs[1].venue",
        "venue 'lend-a' is a lending venue, not a perpetual one",
        read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_legMarketNotListedFails() {
    Map<String, Object> m = movers();
    m.put("legs", List.of(leg("perp-a", "ETH"), leg("perp-b", "ETH")));
    assertOnlyProblem(
        AT + "legs[1].market",
        "venue 'perp-b' lists no market for ETH (lists: BTC)",
        read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_sameVenueTwiceFails() {
    Map<String, Object> m = movers();
    m.put("legs", List.of(leg("perp-a", "ETH"), leg("perp-a", "ETH")));
    assertOnlyProblem(
        AT + "legs[1].venue",
        "venue 'perp-a' is named by another leg",
        read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_singleLegFails() {
    Map<String, Object> m = movers();
    m.put("legs", List.of(leg("perp-a", "ETH")));
    assertOnlyProblem(
        AT + "legs", "must name at least two venues", read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_moversRejectPoolOnlyLegFields() {
    Map<String, Object> m = movers();
    Map<String, Object> b = leg("perp-b", "BTC");
    b.put("weight", 2);
    m.put("legs", List.of(leg("perp-a", "ETH"), b));
    assertOnlyProblem(
        AT + "legs[1].weight",
        "unknown field (known: leverage, longShare, margin, market, venue)",
        read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_ringFenceVenueOutsideLegsFails() {
    Map<String, Object> m = pooled();
    m.put("ringFence", List.of(Map.of("assets", List.of("ETH"), "venues", List.of("lend-a"))));
    assertOnlyProblem(
        AT + "ringFence[0].venues[0]",
        "venue 'lend-a' is not the venue of any leg",
        read(new PooledTradersType(), m));
  }

  @Test
  void test_read_ringFenceAssetOutsidePoolFails() {
    Map<String, Object> m = pooled();
    m.put("ringFence", List.of(Map.of("assets", List.of("BTC"), "venues", List.of("perp-a"))));
    assertOnlyProblem(
        AT + "ringFence[0].assets[0]",
        "asset BTC is not in the pool",
        read(new PooledTradersType(), m));
  }

  @Test
  void test_read_targetBelowTriggerFails() {
    Map<String, Object> m = pooled();
    m.put("topUpBelow", 1.3);
    m.put("targetHealth", 1.2);
    assertOnlyProblem(
        AT + "targetHealth",
        "must be >= topUpBelow (1.3), was 1.2",
        read(new PooledTradersType(), m));
  }

  @Test
  void test_read_keepHealthBelowOneAndNegativeLatencyFail() {
    Map<String, Object> m = movers();
    m.put("keepHealth", 0.9);
    assertOnlyProblem(
        AT + "keepHealth", "must be >= 1, was 0.9", read(new CollateralMoversType(), m));
    m.put("keepHealth", 1.5);
    m.put("latencySteps", -1);
    assertOnlyProblem(
        AT + "latencySteps",
        "must be between 0 and 1000000, was -1",
        read(new CollateralMoversType(), m));
  }

  @Test
  void test_read_poolAssetNamedTwiceFails() {
    Map<String, Object> m = pooled();
    m.remove("ringFence");
    m.put(
        "pool", List.of(Map.of("asset", "USD", "amount", 1), Map.of("asset", "USD", "amount", 2)));
    assertOnlyProblem(
        AT + "pool[1].asset", "asset USD is named twice", read(new PooledTradersType(), m));
  }
}
