package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.testing.DeclaredSpecContext;

/** Reading {@code type: lending} venues: valid entries, listings, and every error with its path. */
class LendingVenueTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AUSD = AssetId.of("aUSD");
  private static final AssetId AETH = AssetId.of("aETH");

  private record Read(LendingVenueSpec spec, List<String> problems) {}

  private static Read read(Map<String, Object> venue) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("venues", List.of(venue)), problems).get("venues").elements().get(0);
    VenueSpec spec =
        new LendingVenueType()
            .read(
                node,
                DeclaredSpecContext.base("USD")
                    .spot("ETH")
                    .derived("aUSD", "aETH")
                    .oracles("chainlink"));
    return new Read(
        (LendingVenueSpec) spec, problems.all().stream().map(Problem::toString).toList());
  }

  private static Map<String, Object> reserve(String asset, String receipt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("asset", asset);
    r.put("receipt", receipt);
    r.put("ltv", 0.825);
    r.put("liquidationThreshold", 0.86);
    r.put("liquidationBonus", 0.052);
    r.put(
        "rates",
        new LinkedHashMap<>(Map.of("slope1", 0.033, "slope2", 0.8, "optimalUtilisation", 0.8)));
    return r;
  }

  private static Map<String, Object> valid() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "aave");
    v.put("type", "lending");
    v.put("oracle", "chainlink");
    v.put("stepSeconds", 60);
    v.put("reserves", new ArrayList<>(List.of(reserve("ETH", "aETH"), reserve("USD", "aUSD"))));
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reserveAt(Map<String, Object> v, int i) {
    return ((List<Map<String, Object>>) v.get("reserves")).get(i);
  }

  @Test
  void test_read_validEntryWithDefaults() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    LendingVenueSpec s = r.spec();
    assertEquals(BadDebtMode.SOCIALIZE, s.badDebt());
    assertEquals(60, s.stepSeconds(), 0);
    assertEquals(2_000, s.closeFactorThreshold(), 0);
    assertEquals(1_000, s.minLeftover(), 0);
    ReserveTerms eth = s.reserves().get(0);
    assertEquals(ETH, eth.asset());
    assertEquals(AETH, eth.receipt());
    assertEquals(0.10, eth.protocolFee(), 0);
    assertEquals(0.10, eth.reserveFactor(), 0);
    assertEquals(0, eth.rates().baseRate(), 0);
    assertEquals(Double.POSITIVE_INFINITY, eth.supplyCap(), 0);
    assertEquals(Set.of(AETH, AUSD), s.issuedAssets());
  }

  @Test
  void test_read_listingsMapNamedReservesAndDropUnlisted() {
    Map<String, Object> v = valid();
    Map<String, Object> weth = reserve(null, null);
    weth.remove("asset");
    weth.remove("receipt");
    weth.put("name", "WETH");
    Map<String, Object> wbtc = new LinkedHashMap<>(weth);
    wbtc.put("name", "WBTC");
    v.put("reserves", new ArrayList<>(List.of(weth, wbtc)));
    v.put("listings", Map.of("WETH", Map.of("asset", "ETH", "receipt", "aETH")));
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    assertEquals(1, r.spec().reserves().size());
    assertEquals(ETH, r.spec().reserves().get(0).asset());
  }

  @Test
  void test_read_listingNamingNoReserveFails() {
    Map<String, Object> v = valid();
    v.put("listings", Map.of("WSTETH", Map.of("asset", "ETH", "receipt", "aETH")));
    assertEquals(
        List.of("venues[0].listings.WSTETH: no reserve is named 'WSTETH' (named: ETH, USD)"),
        read(v).problems());
  }

  @Test
  void test_read_reportsEveryProblemWithItsPath() {
    Map<String, Object> v = valid();
    v.remove("stepSeconds");
    v.put("badDebt", "forgive");
    v.put("colour", "red");
    Map<String, Object> eth = reserveAt(v, 0);
    eth.put("ltv", 0.9);
    eth.put("receipt", "ETH");
    ((Map<String, Object>) eth.get("rates")).put("optimalUtilisation", 1.0);
    Map<String, Object> usd = reserveAt(v, 1);
    usd.put("liquidationBonus", 0.2);
    usd.put("supplyCap", -5);
    Read r = read(v);
    assertNull(r.spec());
    assertEquals(
        List.of(
            "venues[0].colour: unknown field (known: badDebt, closeFactorThreshold, id, listings, maxOracleAgeSteps, minLeftover, onStale, oracle, reserves, stepSeconds, type)",
            "venues[0].stepSeconds: is required",
            "venues[0].badDebt: unknown bad-debt mode 'forgive' (known: deficit, socialize)",
            "venues[0].reserves[0].receipt: asset 'ETH' must be of kind derived: it is issued by this venue",
            "venues[0].reserves[0].rates.optimalUtilisation: must be in (0, 1), was 1.0",
            "venues[0].reserves[0].ltv: must not exceed liquidationThreshold (0.86), was 0.9",
            "venues[0].reserves[1].supplyCap: must be > 0, was -5.0",
            "venues[0].reserves[1].liquidationBonus: liquidationThreshold × (1 + liquidationBonus) must be at most 1, was 1.032"),
        r.problems());
  }

  @Test
  @SuppressWarnings("unchecked")
  void test_read_ratesAboveTenThousandPercentAYearAreRefused() {
    // A slope1 of 1e15 a year passed validate; interest compounded every step then took the
    // depositors' balances beyond the ledger's range at step 2.
    Map<String, Object> v = valid();
    ((Map<String, Object>) reserveAt(v, 0).get("rates")).put("slope1", 1e15);
    ((Map<String, Object>) reserveAt(v, 1).get("rates")).put("baseRate", 101);
    assertEquals(
        List.of(
            "venues[0].reserves[0].rates.slope1: must be at most 100, was 1.0E15",
            "venues[0].reserves[1].rates.baseRate: must be at most 100, was 101.0"),
        read(v).problems());
  }

  @Test
  void test_read_rejectsOwnReceiptAsUnderlyingAndDuplicateReserve() {
    Map<String, Object> v = valid();
    reserveAt(v, 1).put("asset", "ETH");
    reserveAt(v, 1).put("receipt", "aUSD");
    assertEquals(
        List.of("venues[0].reserves[1].asset: reserve 'ETH' is named twice"), read(v).problems());
    Map<String, Object> w = valid();
    // Reserve 0 issues aETH; backing aETH by itself would price it by itself.
    reserveAt(w, 0).put("asset", "aETH");
    List<String> p = read(w).problems();
    assertEquals(
        List.of("venues[0].reserves[0].asset: a reserve's asset cannot be its own receipt aETH"),
        p.subList(0, 1));
  }

  @Test
  void test_read_unknownReserveFieldAndMissingRates() {
    Map<String, Object> v = valid();
    reserveAt(v, 0).remove("rates");
    reserveAt(v, 0).put("eMode", true);
    assertEquals(
        List.of(
            "venues[0].reserves[0].eMode: unknown field (known: asset, borrowCap, borrowable, liquidationBonus, liquidationThreshold, ltv, name, protocolFee, rates, receipt, reserveFactor, supplyCap)",
            "venues[0].reserves[0].rates: is required"),
        read(v).problems());
  }
}
