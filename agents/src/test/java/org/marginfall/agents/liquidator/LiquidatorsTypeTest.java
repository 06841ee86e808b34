package org.marginfall.agents.liquidator;

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
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.venue.VenueId;

/** Reading {@code type: liquidators} from a parsed scenario tree, as the scenario reader does. */
class LiquidatorsTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  /** Real scenarios list populations under {@code agents}; this is the second one's path. */
  private static final String AT = "agents[1].";

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .venue(
              new FakeVenueSpec(VenueId.of("perp-a"), "perpetual", Set.of(ETH), Set.of(ETH), true))
          .venue(new FakeVenueSpec(VenueId.of("perp-b"), "perpetual", Set.of(ETH), Set.of(), true));

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "keepers");
    m.put("type", "liquidators");
    m.put("count", 8);
    m.put("capital", Map.of("dist", "lognormal", "median", 3.0e6, "sigma", 0.5));
    m.put("maxPerRound", 25);
    return m;
  }

  private record Read(PopulationSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> population) {
    Problems problems = new Problems();
    Map<String, Object> other = Map.of("id", "someone-else", "type", "leveraged-traders");
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(other, population)), problems)
            .get("agents")
            .elements()
            .get(1);
    PopulationSpec spec = new LiquidatorsType().read(node, CONTEXT);
    return new Read(spec, problems.all());
  }

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
        new LiquidatorsSpec("keepers", 8, new Distribution.LogNormal(3.0e6, 0.5), List.of(), 25),
        r.spec());
    assertEquals("liquidators", new LiquidatorsType().name());
  }

  @Test
  void test_read_venuesAreKeptInOrderAndMaxPerRoundDefaultsToUnlimited() {
    Map<String, Object> m = valid();
    m.put("venues", List.of("perp-b", "perp-a"));
    m.remove("maxPerRound");
    m.put("capital", 1_000_000);
    Read r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    LiquidatorsSpec s = (LiquidatorsSpec) r.spec();
    assertEquals(List.of(VenueId.of("perp-b"), VenueId.of("perp-a")), s.venues());
    assertEquals(Integer.MAX_VALUE, s.maxPerRound());
    assertEquals(new Distribution.Constant(1_000_000), s.capital());
  }

  @Test
  void test_read_unknownVenueInTheListFailsAtItsIndex() {
    Map<String, Object> m = valid();
    m.put("venues", List.of("perp-a", "perp-x"));
    assertProblem(
        AT + "venues[1]", "unknown venue 'perp-x' (declared: perp-a, perp-b)", onlyProblem(m));
  }

  @Test
  void test_read_maxPerRoundZeroFails() {
    Map<String, Object> m = valid();
    m.put("maxPerRound", 0);
    assertProblem(AT + "maxPerRound", "must be between 1 and 2147483647, was 0", onlyProblem(m));
  }

  @Test
  void test_read_countZeroFails() {
    Map<String, Object> m = valid();
    m.put("count", 0);
    assertProblem(AT + "count", "must be between 1 and 1000000, was 0", onlyProblem(m));
  }

  @Test
  void test_read_capitalThatCanBeNegativeFails() {
    Map<String, Object> m = valid();
    m.put("capital", Map.of("dist", "normal", "mean", 1e6, "sd", 1e5));
    assertProblem(AT + "capital", "must not produce negative amounts", onlyProblem(m));
  }

  @Test
  void test_read_unknownFieldFailsListingKnownOnes() {
    Map<String, Object> m = valid();
    m.put("venue", "perp-a");
    assertProblem(
        AT + "venue",
        "unknown field (known: capital, competition, count, gasCost, id, inventory, latencySteps, maxInventory,"
            + " maxPerRound, minAuctionDiscount, minProfit, priorityFee, strategy, type, venues)",
        onlyProblem(m));
  }

  @Test
  void test_read_minAuctionDiscountDefaultsToTwoPercentAndIsRead() {
    assertEquals(0.02, ((LiquidatorsSpec) read(valid()).spec()).minAuctionDiscount());
    Map<String, Object> m = valid();
    m.put("minAuctionDiscount", 0.05);
    assertEquals(0.05, ((LiquidatorsSpec) read(m).spec()).minAuctionDiscount());
  }

  @Test
  void test_read_minAuctionDiscountOutOfRangeFails() {
    Map<String, Object> m = valid();
    m.put("minAuctionDiscount", 1);
    assertProblem(AT + "minAuctionDiscount", "must be below 1, was 1.0", onlyProblem(m));
    m.put("minAuctionDiscount", -0.1);
    assertEquals(AT + "minAuctionDiscount", onlyProblem(m).path());
  }

  @Test
  void test_read_behaviourDefaultsToTheOriginalRule() {
    assertEquals(LiquidatorBehaviour.DEFAULT, ((LiquidatorsSpec) read(valid()).spec()).behaviour());
    assertEquals(
        new LiquidatorBehaviour(
            0, 0, 0, VenueChoice.LISTED, Competition.ROTATION, null, InventoryPolicy.SELL, 0),
        LiquidatorBehaviour.DEFAULT);
  }

  @Test
  void test_read_everyBehaviourFieldIsRead() {
    Map<String, Object> m = valid();
    m.put("latencySteps", 3);
    m.put("gasCost", 40);
    m.put("minProfit", 25.5);
    m.put("strategy", "maxProfit");
    m.put("competition", "priorityFee");
    m.put("priorityFee", Map.of("dist", "uniform", "min", 0.5, "max", 0.9));
    m.put("inventory", "hold");
    m.put("maxInventory", 2.0e5);
    Read r = read(m);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(
        new LiquidatorBehaviour(
            3,
            40,
            25.5,
            VenueChoice.MAX_PROFIT,
            Competition.PRIORITY_FEE,
            new Distribution.Uniform(0.5, 0.9),
            InventoryPolicy.HOLD,
            2.0e5),
        ((LiquidatorsSpec) r.spec()).behaviour());
  }

  @Test
  void test_read_fcfsNeedsNoBid() {
    Map<String, Object> m = valid();
    m.put("competition", "fcfs");
    assertEquals(Competition.FCFS, ((LiquidatorsSpec) read(m).spec()).behaviour().competition());
  }

  @Test
  void test_read_unknownChoicesListTheKnownNames() {
    Map<String, Object> m = valid();
    m.put("strategy", "greedy");
    assertProblem(
        AT + "strategy", "unknown strategy 'greedy' (known: listed, maxProfit)", onlyProblem(m));
    m = valid();
    m.put("competition", "auction");
    assertProblem(
        AT + "competition",
        "unknown competition 'auction' (known: fcfs, priorityFee, rotation)",
        onlyProblem(m));
    m = valid();
    m.put("inventory", "burn");
    assertProblem(AT + "inventory", "unknown inventory 'burn' (known: hold, sell)", onlyProblem(m));
  }

  @Test
  void test_read_priorityFeeRequiredOnlyWithPriorityFeeCompetitionAndWithinZeroOne() {
    Map<String, Object> m = valid();
    m.put("competition", "priorityFee");
    assertProblem(AT + "priorityFee", "is required with competition: priorityFee", onlyProblem(m));
    m.put("priorityFee", Map.of("dist", "uniform", "min", 0.5, "max", 1.5));
    assertProblem(AT + "priorityFee", "must produce shares between 0 and 1", onlyProblem(m));
    m = valid();
    m.put("priorityFee", 0.5);
    assertProblem(AT + "priorityFee", "only applies with competition: priorityFee", onlyProblem(m));
  }

  @Test
  void test_read_maxInventoryRequiredOnlyWithHold() {
    Map<String, Object> m = valid();
    m.put("inventory", "hold");
    assertProblem(AT + "maxInventory", "is required", onlyProblem(m));
    m.put("maxInventory", -1);
    assertProblem(AT + "maxInventory", "must be >= 0, was -1.0", onlyProblem(m));
    m = valid();
    m.put("maxInventory", 1000);
    assertProblem(AT + "maxInventory", "only applies with inventory: hold", onlyProblem(m));
  }

  @Test
  void test_read_negativeLatencyAndGasFail() {
    Map<String, Object> m = valid();
    m.put("latencySteps", -1);
    assertProblem(AT + "latencySteps", "must be between 0 and 2147483647, was -1", onlyProblem(m));
    m = valid();
    m.put("gasCost", -5);
    assertProblem(AT + "gasCost", "must be >= 0, was -5.0", onlyProblem(m));
  }

  @Test
  void test_read_allBehaviourProblemsAreCollected() {
    Map<String, Object> m = valid();
    m.put("latencySteps", -1);
    m.put("gasCost", -5);
    m.put("strategy", "greedy");
    Read r = read(m);
    assertNull(r.spec());
    assertEquals(
        List.of(AT + "latencySteps", AT + "gasCost", AT + "strategy"),
        r.problems().stream().map(Problem::path).toList());
  }
}
