package org.marginfall.agents.arbitrage;

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
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/** Reading {@code type: arbitrageurs} from a parsed scenario tree, as the scenario reader does. */
class ArbitrageursTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId AUSD = AssetId.of("aUSD");

  /** A lending venue as readers see it: it issues receipts. */
  private record LendingSpec(VenueId id) implements VenueSpec {
    @Override
    public String type() {
      return "lending";
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return Set.of(USD);
    }

    @Override
    public Set<AssetId> collateralAssets() {
      return Set.of(ETH);
    }

    @Override
    public Set<AssetId> issuedAssets() {
      return Set.of(AUSD);
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new AssertionError("a reader test never resolves venues");
    }
  }

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .spot(BTC)
          .venue(new LendingSpec(VenueId.of("lend")))
          .venue(new FakeVenueSpec(VenueId.of("perp"), "perpetual", Set.of(ETH), Set.of(), true));

  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "arbs");
    m.put("type", "arbitrageurs");
    m.put("venue", "lend");
    m.put("asset", "USD");
    m.put("count", 3);
    m.put("capital", 1.0e6);
    m.put("maxPerStep", 2.0e5);
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
    return new Read(new ArbitrageursType().read(node, CONTEXT), problems.all());
  }

  private static void assertOnlyProblem(
      String path, String message, Map<String, Object> population) {
    Read r = read(population);
    assertNull(r.spec());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(path, r.problems().get(0).path());
    assertEquals(message, r.problems().get(0).message());
  }

  @Test
  void test_read_validSpecWithDefaults() {
    Read r = read(valid());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(
        new ArbitrageursSpec(
            "arbs", VenueId.of("lend"), USD, 3, new Distribution.Constant(1.0e6), 0.005, 2.0e5, 10),
        r.spec());
    assertEquals("arbitrageurs", new ArbitrageursType().name());
  }

  @Test
  void test_read_invalidFieldsReportedWithTheirPaths() {
    Map<String, Object> m = valid();
    m.put("venue", "perp");
    assertOnlyProblem("agents[0].venue", "venue 'perp' is a perpetual venue, not a lending one", m);
    m = valid();
    m.put("asset", "BTC");
    assertOnlyProblem("agents[0].asset", "venue 'lend' has no reserve for BTC (has: USD, ETH)", m);
    m = valid();
    m.put("cost", 1.0);
    assertOnlyProblem("agents[0].cost", "must be below 1, was 1.0", m);
    m = valid();
    m.remove("maxPerStep");
    assertOnlyProblem("agents[0].maxPerStep", "is required", m);
    m = valid();
    m.put("slices", 0);
    Read r = read(m);
    assertNull(r.spec());
    assertEquals("agents[0].slices", r.problems().get(0).path());
  }
}
