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
          .venue(new FakeVenueSpec(VenueId.of("perp-a"), "perpetual", Set.of(ETH), Set.of(ETH), true))
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
        SpecNode.root(Map.of("agents", List.of(other, population)), problems).get("agents").elements().get(1);
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
        new LiquidatorsSpec("keepers", 8, new Distribution.LogNormal(3.0e6, 0.5), List.of(), 25), r.spec());
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
    assertProblem(AT + "venues[1]", "unknown venue 'perp-x' (declared: perp-a, perp-b)", onlyProblem(m));
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
        AT + "venue", "unknown field (known: capital, count, id, maxPerRound, minAuctionDiscount, type, venues)", onlyProblem(m));
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
}
