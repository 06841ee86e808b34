package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.testing.DeclaredSpecContext;
import org.marginfall.core.venue.VenueId;

/**
 * Reading {@code type: cdp} venues: every error names its exact field path and message, venue-level
 * parameters are ilk defaults that an ilk entry overrides, and a valid entry reads into the
 * expected record.
 */
class CdpVenueTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId WBTC = AssetId.of("WBTC");
  private static final AssetId STETH = AssetId.of("stETH");

  private record Read(VenueSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> venue) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("venues", List.of(venue)), problems).get("venues").elements().get(0);
    return new Read(
        new CdpVenueType()
            .read(
                node,
                DeclaredSpecContext.base("USD")
                    .spot("ETH", "WBTC")
                    .derived("stETH")
                    .oracles("osm")),
        problems.all());
  }

  private static Map<String, Object> valid() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "maker");
    v.put("type", "cdp");
    v.put("oracle", "osm");
    v.put("stepSeconds", 60);
    v.put("ilks", new ArrayList<>(List.of("ETH")));
    return v;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void assertOnlyProblem(String path, String message, Read r) {
    assertEquals(List.of(new Problem(path, message)), r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_minimalSpecTakesLiquidations2Defaults() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    // YFI-A / ETH-A: mat 1.45, chop 1.13, hole 5M, buf 1.30, tail 140 min, cusp 0.40, chip 0.1%,
    // tip 0, stairstep 0.99 every 90 s, Hole 100M; no fee, no dust, no surplus.
    CdpIlk eth =
        new CdpIlk(
            ETH,
            1.45,
            0,
            0,
            1.13,
            5.0e6,
            1.30,
            8400,
            0.40,
            0.001,
            0,
            new Abacus.StairstepExponentialDecrease(90, 0.99));
    assertEquals(
        new CdpVenueSpec(VenueId.of("maker"), OracleId.of("osm"), 60, 1.0e8, 0, List.of(eth)),
        r.spec());
  }

  @Test
  void test_read_ilkOverridesVenueDefaults() {
    Map<String, Object> v = valid();
    v.put("chop", 1.10);
    v.put("abacus", map("type", "linear", "tau", 3600));
    v.put(
        "ilks",
        List.of(
            "ETH",
            map(
                "asset",
                "WBTC",
                "mat",
                1.75,
                "abacus",
                map("type", "exponential", "cut", 0.9999))));
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    CdpVenueSpec s = (CdpVenueSpec) r.spec();
    assertEquals(1.10, s.ilks().get(0).chop());
    assertEquals(new Abacus.LinearDecrease(3600), s.ilks().get(0).abacus());
    assertEquals(1.45, s.ilks().get(0).mat());
    assertEquals(1.10, s.ilks().get(1).chop());
    assertEquals(1.75, s.ilks().get(1).mat());
    assertEquals(new Abacus.ExponentialDecrease(0.9999), s.ilks().get(1).abacus());
  }

  @Test
  void test_read_stepSecondsIsRequired() {
    Map<String, Object> v = valid();
    v.remove("stepSeconds");
    assertOnlyProblem("venues[0].stepSeconds", "is required", read(v));
  }

  @Test
  void test_read_unknownFieldRejected() {
    Map<String, Object> v = valid();
    v.put("lump", 50_000);
    Read r = read(v);
    assertEquals(1, r.problems().size());
    assertEquals("venues[0].lump", r.problems().get(0).path());
    assertNull(r.spec());
  }

  @Test
  void test_read_venueLevelParameterReportedOnceAtVenue() {
    Map<String, Object> v = valid();
    v.put("mat", 0.9);
    v.put("ilks", List.of("ETH", "WBTC"));
    assertOnlyProblem("venues[0].mat", "must be at least 1, was 0.9", read(v));
  }

  @Test
  void test_read_ilkParameterReportedAtIlk() {
    Map<String, Object> v = valid();
    v.put("ilks", List.of("ETH", map("asset", "WBTC", "cusp", 1.2)));
    assertOnlyProblem("venues[0].ilks[1].cusp", "must be in (0, 1), was 1.2", read(v));
  }

  @Test
  void test_read_everyProblemCollectedWithItsPath() {
    Map<String, Object> v = valid();
    v.put("oracle", "chainlink");
    v.put("chop", 0.87);
    v.put("globalHole", -1);
    v.put(
        "ilks",
        List.of(
            "DOGE",
            map(
                "asset",
                "ETH",
                "abacus",
                map("type", "stairstep-exponential", "step", 90, "cut", 1.5))));
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem("venues[0].oracle", "unknown oracle 'chainlink' (declared: osm)"),
            new Problem("venues[0].globalHole", "must be > 0, was -1.0"),
            new Problem("venues[0].chop", "must be at least 1, was 0.87"),
            new Problem(
                "venues[0].ilks[0]", "unknown asset 'DOGE' (declared: USD, ETH, WBTC, stETH)"),
            new Problem("venues[0].ilks[1].abacus.cut", "must be in (0, 1], was 1.5")),
        r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_unknownAbacusNamed() {
    Map<String, Object> v = valid();
    v.put("abacus", map("type", "dutch"));
    assertOnlyProblem(
        "venues[0].abacus.type",
        "unknown abacus 'dutch' (known: exponential, linear, stairstep-exponential)",
        read(v));
  }

  @Test
  void test_read_collateralMustBeSpotAndListedOnce() {
    Map<String, Object> v = valid();
    v.put("ilks", List.of("stETH"));
    assertOnlyProblem(
        "venues[0].ilks[0]",
        "collateral asset stETH must be a spot asset with a price process",
        read(v));
    v.put("ilks", List.of("ETH", map("asset", "ETH")));
    assertOnlyProblem("venues[0].ilks[1]", "collateral type ETH is listed twice", read(v));
  }

  @Test
  void test_read_flipTermsSelectLiquidations1AndEveryBadFieldIsReported() {
    Map<String, Object> v = valid();
    v.put("flip", map("beg", 1.03, "ttl", 600, "tau", 259200, "lump", 50));
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    assertEquals(new FlipTerms(1.03, 600, 259200, 50), ((CdpVenueSpec) r.spec()).flip());
    assertNull(((CdpVenueSpec) read(valid()).spec()).flip(), "no flip terms: Liquidations 2.0");

    v.put("flip", map("beg", 1.0, "ttl", 0, "tau", 259200, "lumps", 50));
    Read bad = read(v);
    assertNull(bad.spec());
    assertEquals(
        List.of(
            new Problem("venues[0].flip.lumps", bad.problems().get(0).message()),
            new Problem(
                "venues[0].flip.beg",
                "must be above 1 (e.g. 1.03 for a 3% minimum bid increase), was 1.0"),
            new Problem("venues[0].flip.ttl", "must be > 0, was 0.0"),
            new Problem("venues[0].flip.lump", "is required")),
        bad.problems());
  }

  @Test
  void test_read_flopTermsAddDebtAuctionsAndEveryBadFieldIsReported() {
    Map<String, Object> v = valid();
    v.put(
        "flop",
        map(
            "gem", "WBTC", "sump", 5.0e4, "dump", 250, "beg", 1.03, "pad", 1.2, "ttl", 21600, "tau",
            259200));
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    assertEquals(
        new FlopTerms(WBTC, 5.0e4, 250, 1.03, 1.2, 21600, 259200),
        ((CdpVenueSpec) r.spec()).flop());
    assertNull(((CdpVenueSpec) read(valid()).spec()).flop(), "no flop terms: no debt auctions");

    v.put("flop", map("gem", "USD", "sump", 0, "dump", 250, "beg", 1.0, "pad", 0.9, "ttl", 21600));
    Read bad = read(v);
    assertNull(bad.spec());
    assertEquals(
        List.of(
            new Problem(
                "venues[0].flop.gem", "must not be the base currency, which the auctions raise"),
            new Problem("venues[0].flop.sump", "must be > 0, was 0.0"),
            new Problem(
                "venues[0].flop.beg",
                "must be above 1 (e.g. 1.03 for a 3% minimum lot decrease), was 1.0"),
            new Problem(
                "venues[0].flop.pad",
                "must be at least 1 (e.g. 1.2 for a 20% larger lot on restart), was 0.9"),
            new Problem("venues[0].flop.tau", "is required")),
        bad.problems());

    v.put(
        "flop",
        map(
            "gem", "ETH", "sump", 5.0e4, "dump", 250, "beg", 1.03, "pad", 1.2, "ttl", 21600, "tau",
            259200));
    assertOnlyProblem("venues[0].flop.gem", "asset ETH is also a collateral type", read(v));
  }
}
