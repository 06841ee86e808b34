package org.marginfall.agents.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** Reading {@code type: flip-keepers}, and the gas price rule's worked values. */
class FlipKeepersTypeTest {

  private static final AssetId DAI = AssetId.of("DAI");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final String AT = "agents[0].";

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(DAI)
          .spot(ETH)
          .venue(new FakeVenueSpec(VenueId.of("maker"), "cdp", Set.of(), Set.of(ETH), false))
          .venue(
              new FakeVenueSpec(VenueId.of("perp"), "perpetual", Set.of(ETH), Set.of(DAI), true));

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "keepers");
    m.put("type", "flip-keepers");
    m.put("venue", "maker");
    m.put("count", 10);
    m.put("capital", 1.0e6);
    m.put("gasBudget", Map.of("dist", "uniform", "min", 10, "max", 40));
    m.put("zeroBidders", 4);
    m.put(
        "gas",
        Map.of("asset", "ETH", "baseGwei", 13.3, "peakMultiple", 6.0, "fullAtDrawdown", 0.5));
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
    return new Read(new FlipKeepersType().read(node, CONTEXT), problems.all());
  }

  @Test
  void test_read_validSpecGivesTheExpectedRecord() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    assertEquals(
        new FlipKeepersSpec(
            "keepers",
            VenueId.of("maker"),
            10,
            new Distribution.Constant(1.0e6),
            new Distribution.Uniform(10, 40),
            0.02,
            4,
            new GasPriceRule(ETH, 13.3, 6.0, 0.5)),
        r.spec());
  }

  @Test
  void test_read_everyProblemReportedOnceAtItsField() {
    Map<String, Object> m = valid();
    m.put("venue", "perp");
    m.put("count", 0);
    m.put("zeroBidders", 0);
    m.put("gas", Map.of("asset", "ETH", "baseGwei", 0, "peakMultiple", 0.5, "fullAtDrawdown", 2));
    Read r = read(m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            new Problem(
                AT + "venue", "venue 'perp' is a perpetual venue; flip keepers need a cdp venue"),
            new Problem(AT + "count", "needs at least one keeper, or set zeroBidders"),
            new Problem(AT + "gas.baseGwei", "must be > 0, was 0.0"),
            new Problem(AT + "gas.peakMultiple", "must be at least 1, was 0.5"),
            new Problem(AT + "gas.fullAtDrawdown", "must be in (0, 1], was 2.0")),
        r.problems());
  }

  @Test
  void test_gasPrice_risesLinearlyWithTheDrawdownToItsPeak() {
    GasPriceRule rule = new GasPriceRule(ETH, 13.3, 6.0, 0.5);
    assertEquals(13.3, rule.gwei(194.61, 194.61), 1e-12, "no drawdown");
    assertEquals(
        13.3 * 3.5, rule.gwei(150, 200), 1e-12, "a 25% fall, half way: 1 + 5 * 0.25 / 0.5");
    assertEquals(13.3 * 6, rule.gwei(97.305, 194.61), 1e-12, "a 50% fall: the peak, ~80 gwei");
    assertEquals(13.3 * 6, rule.gwei(86, 194.61), 1e-12, "beyond: capped");
    assertEquals(13.3, rule.gwei(250, 200), 1e-12, "above the high: no drawdown");
  }
}
