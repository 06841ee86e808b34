package org.marginfall.agents.depositor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.manipulator.FloorExploiterSpec;
import org.marginfall.agents.manipulator.FloorExploiterType;
import org.marginfall.agents.manipulator.OracleManipulatorSpec;
import org.marginfall.agents.manipulator.OracleManipulatorType;
import org.marginfall.agents.testkit.FakeSpecContext;
import org.marginfall.agents.testkit.FakeSpecContext.FakeVenueSpec;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/** Reading {@code running-depositors} and {@code oracle-manipulator}, with exact error paths. */
class RunAndManipulatorTypesTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId MNGO = AssetId.of("MNGO");
  private static final AssetId BTC = AssetId.of("BTC");

  /** A lending venue spec: lends USD, takes USD, ETH and MNGO as collateral, issues receipts. */
  private record Lending(VenueId id) implements VenueSpec {
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
      return new LinkedHashSet<>(List.of(USD, ETH, MNGO));
    }

    @Override
    public Set<AssetId> issuedAssets() {
      return Set.of(AssetId.of("aUSD"));
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new AssertionError("a reader test never resolves venues");
    }
  }

  private static final FakeSpecContext CONTEXT =
      new FakeSpecContext(USD)
          .spot(ETH)
          .spot(MNGO)
          .spot(BTC)
          .venue(new Lending(VenueId.of("pool")))
          .venue(new FakeVenueSpec(VenueId.of("perp"), "perpetual", Set.of(ETH), Set.of(), true));

  private record Read(PopulationSpec spec, List<String> problems) {}

  private static Read read(PopulationType type, Map<String, Object> population) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(population)), problems)
            .get("agents")
            .elements()
            .get(0);
    PopulationSpec spec = type.read(node, CONTEXT);
    return new Read(spec, problems.all().stream().map(Problem::toString).toList());
  }

  private static Map<String, Object> depositors() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "runners");
    m.put("type", "running-depositors");
    m.put("venue", "pool");
    m.put("asset", "USD");
    m.put("count", 60);
    m.put("amount", 5.0e5);
    m.put("utilisationAbove", Map.of("dist", "uniform", "min", 0.82, "max", 0.95));
    m.put("valueDrop", Map.of("dist", "uniform", "min", 0.001, "max", 0.02));
    return m;
  }

  private static Map<String, Object> manipulator() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "attacker");
    m.put("type", "oracle-manipulator");
    m.put("venue", "pool");
    m.put("asset", "MNGO");
    m.put("capital", 4.0e6);
    m.put("holding", 1.0e8);
    m.put("startStep", 20);
    m.put("pumpSteps", 10);
    return m;
  }

  @Test
  void test_read_validDepositorsWithDefaults() {
    Read r = read(new RunningDepositorsType(), depositors());
    assertEquals(List.of(), r.problems());
    RunningDepositorsSpec s = (RunningDepositorsSpec) r.spec();
    assertEquals(new Distribution.Uniform(0.82, 0.95), s.utilisationAbove());
    assertEquals(new Distribution.Constant(5.0e5), s.amount());
    assertEquals(true, s.fireSale());
    assertEquals(1.0, s.maxDiscount());
  }

  @Test
  void test_read_depositorsErrorsWithPaths() {
    Map<String, Object> m = depositors();
    m.put("asset", "BTC");
    m.put("utilisationAbove", Map.of("dist", "lognormal", "median", 0.9, "sigma", 0.1));
    m.put("valueDrop", 1.0);
    m.put("maxDiscount", 0);
    m.put("fireSale", "yes");
    m.put("panic", 1);
    Read r = read(new RunningDepositorsType(), m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            "agents[0].panic: unknown field (known: amount, asset, count, fireSale, id, maxDiscount, type, "
                + "utilisationAbove, valueDrop, venue)",
            "agents[0].asset: venue 'pool' has no reserve for BTC (has: USD, ETH, MNGO)",
            "agents[0].utilisationAbove: must only produce values in (0, 1] (use a uniform, triangular or constant)",
            "agents[0].valueDrop: must only produce values in (0, 1) (use a uniform, triangular or constant)",
            "agents[0].fireSale: must be true or false, was 'yes'",
            "agents[0].maxDiscount: must be in (0, 1], was 0.0"),
        r.problems());
  }

  @Test
  void test_read_depositorsNeedATriggerAndALendingVenue() {
    Map<String, Object> m = depositors();
    m.remove("utilisationAbove");
    m.remove("valueDrop");
    m.put("venue", "perp");
    assertEquals(
        List.of(
            "agents[0].venue: venue 'perp' is a perpetual venue, not a lending one",
            "agents[0]: needs a run trigger: utilisationAbove, valueDrop or both"),
        read(new RunningDepositorsType(), m).problems());
  }

  @Test
  void test_read_validManipulatorWithDefaults() {
    Read r = read(new OracleManipulatorType(), manipulator());
    assertEquals(List.of(), r.problems());
    OracleManipulatorSpec s = (OracleManipulatorSpec) r.spec();
    assertEquals(USD, s.debtAsset());
    assertEquals(0, s.waitSteps());
    // The tick after the last buy (20 + 10 - 1): 30.
    assertEquals(30, s.borrowStep());
  }

  @Test
  void test_read_manipulatorErrorsWithPaths() {
    Map<String, Object> m = manipulator();
    m.put("asset", "USD");
    m.put("capital", 0);
    m.put("startStep", 0);
    m.put("pumpSteps", 0);
    m.put("direction", "down");
    Read r = read(new OracleManipulatorType(), m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            "agents[0].direction: unknown field (known: asset, capital, debtAsset, holding, id, pumpSteps, "
                + "startStep, type, venue, waitSteps)",
            "agents[0].asset: must be a spot asset (the manipulator buys it in its shared market), was USD",
            "agents[0].capital: must be > 0, was 0.0",
            "agents[0].startStep: must be >= 1, was 0",
            "agents[0].pumpSteps: must be between 1 and 1000000, was 0"),
        r.problems());
    Map<String, Object> d = manipulator();
    d.put("asset", "BTC");
    d.put("debtAsset", "ETH");
    assertEquals(
        List.of(
            "agents[0].asset: venue 'pool' has no collateral reserve for BTC (has: USD, ETH, MNGO)",
            "agents[0].debtAsset: venue 'pool' has no borrowable reserve for ETH (has: USD)"),
        read(new OracleManipulatorType(), d).problems());
  }

  private static Map<String, Object> exploiter() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "exploiter");
    m.put("type", "floor-exploiter");
    m.put("venue", "pool");
    m.put("asset", "MNGO");
    m.put("capital", 1.0e6);
    return m;
  }

  @Test
  void test_read_validFloorExploiterWithDefaults() {
    Read r = read(new FloorExploiterType(), exploiter());
    assertEquals(List.of(), r.problems());
    FloorExploiterSpec s = (FloorExploiterSpec) r.spec();
    assertEquals(1, s.startStep());
    assertEquals(1.0e6, s.capital(), 0);
    assertEquals(FloorExploiterSpec.METRICS, s.metricNames());
  }

  @Test
  void test_read_floorExploiterErrorsWithPaths() {
    Map<String, Object> m = exploiter();
    m.put("asset", "USD");
    m.put("capital", -1);
    m.put("startStep", 0);
    m.put("debtAsset", "ETH");
    Read r = read(new FloorExploiterType(), m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            "agents[0].debtAsset: unknown field (known: asset, capital, id, startStep, type, venue)",
            "agents[0].asset: must be a spot asset (the exploiter buys it in its shared market), was USD",
            "agents[0].capital: must be > 0, was -1.0",
            "agents[0].startStep: must be >= 1, was 0"),
        r.problems());
    Map<String, Object> d = exploiter();
    d.put("venue", "perp");
    d.put("asset", "BTC");
    assertEquals(
        List.of("agents[0].venue: venue 'perp' is a perpetual venue, not a lending one"),
        read(new FloorExploiterType(), d).problems());
  }
}
