package org.marginfall.agents.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeSpecContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/** Reading {@code type: market-makers} from a parsed scenario tree, as the scenario reader does. */
class MarketMakersTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final FakeSpecContext CONTEXT = new FakeSpecContext(USD).spot(ETH).stepSeconds(60);

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "makers");
    m.put("type", "market-makers");
    m.put("market", "ETH");
    m.put("count", 10);
    m.put("withdrawAbove", Map.of("dist", "uniform", "min", 1.5, "max", 4.0));
    return m;
  }

  private record Read(PopulationSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> population, FakeSpecContext context) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(population)), problems)
            .get("agents")
            .elements()
            .get(0);
    return new Read(new MarketMakersType().read(node, context), problems.all());
  }

  private static void assertOnlyProblem(
      String path, String message, Map<String, Object> population) {
    Read r = read(population, CONTEXT);
    assertNull(r.spec());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(path, r.problems().get(0).path());
    assertEquals(message, r.problems().get(0).message());
  }

  @Test
  void test_read_validSpecWithDefaults() {
    Read r = read(valid(), CONTEXT);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    // 31,536,000 s a year / 60 s a step = 525,600 steps a year.
    assertEquals(
        new MarketMakersSpec(
            "makers",
            ETH,
            10,
            1.0,
            new Distribution.Uniform(1.5, 4.0),
            0.5,
            0.25,
            0.1,
            0.9,
            0.94,
            0.0,
            525_600),
        r.spec());
    assertEquals("market-makers", new MarketMakersType().name());
  }

  @Test
  void test_read_invalidFieldsReportedWithTheirPaths() {
    Map<String, Object> m = valid();
    m.put("restoreRatio", 1.0);
    assertOnlyProblem("agents[0].restoreRatio", "must be between 0 and 1 (exclusive), was 1.0", m);
    m = valid();
    m.put("withdrawStep", 0);
    assertOnlyProblem("agents[0].withdrawStep", "must be > 0 and <= 1, was 0.0", m);
    m = valid();
    m.put("share", 0);
    assertOnlyProblem("agents[0].share", "must be > 0, was 0", m);
    m = valid();
    m.put("market", "USD");
    assertOnlyProblem("agents[0].market", "the base currency has no market to quote", m);
    m = valid();
    m.put("withdrawAbove", 0);
    assertOnlyProblem("agents[0].withdrawAbove", "must produce positive volatilities only", m);
    m = valid();
    m.put("spread", 0.01);
    assertOnlyProblem(
        "agents[0].spread",
        "unknown field (known: count, id, initialVol, lambda, market, maxWithdrawal, restoreRatio, "
            + "restoreStep, share, type, withdrawAbove, withdrawStep)",
        m);
  }

  @Test
  void test_read_needsTheRunStep() {
    Read r = read(valid(), new FakeSpecContext(USD).spot(ETH));
    assertNull(r.spec());
    assertEquals(
        "needs run.stepSeconds to annualise the realised volatility",
        r.problems().get(0).message());
  }
}
