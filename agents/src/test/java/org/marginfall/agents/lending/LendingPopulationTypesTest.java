package org.marginfall.agents.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/** Reading {@code lending-suppliers} and {@code lending-borrowers}, with exact error paths. */
class LendingPopulationTypesTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");

  /** A lending venue spec: lends USD and ETH, takes ETH as collateral, issues receipts. */
  private record Lending(VenueId id) implements VenueSpec {
    @Override
    public String type() {
      return "lending";
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return new LinkedHashSet<>(List.of(USD, ETH));
    }

    @Override
    public Set<AssetId> collateralAssets() {
      return Set.of(ETH);
    }

    @Override
    public Set<AssetId> issuedAssets() {
      return Set.of(AssetId.of("aUSD"), AssetId.of("aETH"));
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
          .venue(new Lending(VenueId.of("aave")))
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

  private static Map<String, Object> borrowers() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "borrowers");
    m.put("type", "lending-borrowers");
    m.put("venue", "aave");
    m.put("count", 50);
    m.put("collateralAsset", "ETH");
    m.put("collateral", Map.of("dist", "lognormal", "median", 20, "sigma", 0.8));
    m.put("debtAsset", "USD");
    m.put("targetLtv", Map.of("dist", "uniform", "min", 0.5, "max", 0.8));
    return m;
  }

  private static Map<String, Object> suppliers() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "lenders");
    m.put("type", "lending-suppliers");
    m.put("venue", "aave");
    m.put("count", 10);
    m.put(
        "supplies",
        List.of(Map.of("asset", "USD", "amount", 1.0e6), Map.of("asset", "ETH", "amount", 100)));
    return m;
  }

  @Test
  void test_read_validBorrowers() {
    Read r = read(new LendingBorrowersType(), borrowers());
    assertEquals(List.of(), r.problems());
    LendingBorrowersSpec s = (LendingBorrowersSpec) r.spec();
    assertEquals(ETH, s.collateralAsset());
    assertEquals(USD, s.debtAsset());
    assertEquals(new Distribution.Uniform(0.5, 0.8), s.targetLtv());
    assertEquals(50, s.count());
  }

  @Test
  void test_read_validSuppliers() {
    Read r = read(new LendingSuppliersType(), suppliers());
    assertEquals(List.of(), r.problems());
    LendingSuppliersSpec s = (LendingSuppliersSpec) r.spec();
    assertEquals(List.of(USD, ETH), s.supplies().stream().map(SupplyAmount::asset).toList());
  }

  @Test
  void test_read_borrowersErrorsWithPaths() {
    Map<String, Object> m = borrowers();
    m.put("collateralAsset", "USD");
    m.put("debtAsset", "BTC");
    m.put("targetLtv", Map.of("dist", "uniform", "min", 0.5, "max", 1.5));
    m.put("leverage", 3);
    Read r = read(new LendingBorrowersType(), m);
    assertNull(r.spec());
    assertEquals(
        List.of(
            "agents[0].leverage: unknown field (known: collateral, collateralAsset, count, debtAsset, id, targetLtv, type, venue)",
            "agents[0].collateralAsset: venue 'aave' has no collateral reserve for USD (has: ETH)",
            "agents[0].debtAsset: venue 'aave' has no borrowable reserve for BTC (has: USD, ETH)",
            "agents[0].targetLtv: must only produce values in [0, 1] (use a uniform, triangular or constant)"),
        r.problems());
  }

  @Test
  void test_read_rejectsPerpetualVenueAndDuplicateSupply() {
    Map<String, Object> m = suppliers();
    m.put("venue", "perp");
    assertEquals(
        List.of("agents[0].venue: venue 'perp' is a perpetual venue, not a lending one"),
        read(new LendingSuppliersType(), m).problems());
    Map<String, Object> d = suppliers();
    d.put(
        "supplies",
        List.of(Map.of("asset", "USD", "amount", 1), Map.of("asset", "USD", "amount", 2)));
    assertEquals(
        List.of("agents[0].supplies[1].asset: USD is named twice"),
        read(new LendingSuppliersType(), d).problems());
  }
}
