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

/** Reading {@code type: flop-keepers}. */
class FlopKeepersTypeTest {

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
    m.put("id", "flop-keepers");
    m.put("type", "flop-keepers");
    m.put("venue", "maker");
    m.put("count", 5);
    m.put("capital", 1.0e7);
    m.put("margin", Map.of("dist", "uniform", "min", 0.0, "max", 0.1));
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
    return new Read(new FlopKeepersType().read(node, CONTEXT), problems.all());
  }

  @Test
  void test_read_validSpecGivesTheExpectedRecord() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    assertEquals(
        new FlopKeepersSpec(
            "flop-keepers",
            VenueId.of("maker"),
            5,
            new Distribution.Constant(1.0e7),
            new Distribution.Uniform(0.0, 0.1)),
        r.spec());
  }

  @Test
  void test_read_everyProblemReportedOnceAtItsField() {
    Map<String, Object> m = valid();
    m.put("venue", "perp");
    m.put("count", 0);
    m.put("capital", -1);
    m.put("margin", Map.of("dist", "uniform", "min", 0.0, "max", 1.0));
    Read r = read(m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            new Problem(
                AT + "venue", "venue 'perp' is a perpetual venue; flop keepers need a cdp venue"),
            new Problem(AT + "count", "must be between 1 and 1000000, was 0"),
            new Problem(AT + "capital", "must not produce negative amounts"),
            new Problem(AT + "margin", "must produce values in [0, 1)")),
        r.problems());
  }
}
