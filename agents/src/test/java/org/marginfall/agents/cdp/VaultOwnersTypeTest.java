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

/** Reading {@code type: vault-owners}: exact field paths and messages, and the expected record. */
class VaultOwnersTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final String AT = "agents[0].";

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .spot(BTC)
          .venue(new FakeVenueSpec(VenueId.of("maker"), "cdp", Set.of(), Set.of(ETH), false));

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "owners");
    m.put("type", "vault-owners");
    m.put("venue", "maker");
    m.put("count", 100);
    m.put("ilk", "ETH");
    m.put("collateral", Map.of("dist", "lognormal", "median", 20, "sigma", 1.0));
    m.put("targetRatio", Map.of("dist", "uniform", "min", 1.5, "max", 2.5));
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
    return new Read(new VaultOwnersType().read(node, CONTEXT), problems.all());
  }

  private static void assertOnlyProblem(String path, String message, Map<String, Object> m) {
    Read r = read(m);
    assertEquals(List.of(new Problem(path, message)), r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_validSpecGivesTheExpectedRecord() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    assertEquals(
        new VaultOwnersSpec(
            "owners",
            VenueId.of("maker"),
            100,
            ETH,
            new Distribution.LogNormal(20, 1.0),
            new Distribution.Uniform(1.5, 2.5)),
        r.spec());
  }

  @Test
  void test_read_ilkTheVenueDoesNotAcceptFails() {
    Map<String, Object> m = valid();
    m.put("ilk", "BTC");
    assertOnlyProblem(AT + "ilk", "venue 'maker' has no vaults for BTC (accepts: ETH)", m);
  }

  @Test
  void test_read_targetRatioThatCanReachOneFails() {
    Map<String, Object> m = valid();
    m.put("targetRatio", Map.of("dist", "uniform", "min", 0.9, "max", 2.0));
    assertOnlyProblem(
        AT + "targetRatio",
        "must only produce values above 1 (use a uniform, triangular or constant)",
        m);
  }

  @Test
  void test_read_unknownVenueAndMissingFieldsAllReported() {
    Map<String, Object> m = valid();
    m.put("venue", "aave");
    m.remove("collateral");
    m.put("leverage", 3);
    Read r = read(m);
    assertNull(r.spec());
    assertEquals(3, r.problems().size(), r.problems().toString());
    assertEquals(AT + "leverage", r.problems().get(0).path());
    assertEquals(
        new Problem(AT + "venue", "unknown venue 'aave' (declared: maker)"), r.problems().get(1));
    assertEquals(AT + "collateral", r.problems().get(2).path());
  }
}
