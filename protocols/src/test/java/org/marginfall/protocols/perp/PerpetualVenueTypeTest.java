package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Reading {@code type: perpetual} venues: every error names its exact field path and message, and a
 * valid entry reads into the expected record. Venues are read as element 0 of a {@code venues}
 * list, so paths look as users see them ({@code venues[0].maintenanceMargin}).
 */
class PerpetualVenueTypeTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId STETH = AssetId.of("stETH");
  private static final AssetId HLP = AssetId.of("HLP");

  /** The outcome of reading one venue entry. */
  private record Read(VenueSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> venue) {
    Problems problems = new Problems();
    Map<String, Object> scenario = Map.of("venues", List.of(venue));
    SpecNode node = SpecNode.root(scenario, problems).get("venues").elements().get(0);
    VenueSpec spec =
        new PerpetualVenueType()
            .read(
                node,
                DeclaredSpecContext.base("USD")
                    .spot("ETH", "BTC")
                    .derived("stETH", "HLP")
                    .oracles("chainlink", "twap"));
    return new Read(spec, problems.all());
  }

  /** A valid minimal venue entry, as a mutable map the test then breaks. */
  private static Map<String, Object> valid() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "perp");
    v.put("type", "perpetual");
    v.put("oracle", "chainlink");
    v.put("initialMargin", 0.05);
    v.put("maintenanceMargin", 0.025);
    v.put("markets", new ArrayList<>(List.of("ETH")));
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
  void test_read_minimalSpecTakesDefaults() {
    Read r = read(valid());
    assertEquals(List.of(), r.problems());
    // Defaults: cross margin, fee 1%, liquidator share 50%, no insurance fund, house 1e9.
    assertEquals(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            OracleId.of("chainlink"),
            MarginMode.CROSS,
            List.of(new PerpMarket(ETH, 0.05, 0.025)),
            List.of(),
            0.01,
            0.5,
            0,
            1.0e9),
        r.spec());
  }

  @Test
  void test_read_fullSpecReadsIntoExpectedRecord() {
    Map<String, Object> v = valid();
    v.put("oracle", "twap");
    v.put("marginMode", "isolated");
    v.put(
        "markets",
        List.of("ETH", map("asset", "BTC", "initialMargin", 0.1, "maintenanceMargin", 0.05)));
    // The base currency is always accepted without haircut, so listing it adds no entry.
    v.put("collateral", List.of(map("asset", "USD"), map("asset", "ETH", "haircut", 0.1)));
    v.put("liquidationFee", 0.015);
    v.put("liquidatorShare", 0.4);
    v.put("insuranceFund", 250000);
    v.put("houseCapital", "5e7");
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    assertEquals(
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            OracleId.of("twap"),
            MarginMode.ISOLATED,
            List.of(new PerpMarket(ETH, 0.05, 0.025), new PerpMarket(BTC, 0.1, 0.05)),
            List.of(new CollateralTerms(ETH, 0.1)),
            0.015,
            0.4,
            250000,
            5e7),
        r.spec());
  }

  @Test
  void test_read_venueMaintenanceNotBelowInitial() {
    Map<String, Object> v = valid();
    v.put("maintenanceMargin", 0.06);
    // Both markets inherit the venue's fractions; the mistake is reported once, at the venue.
    v.put("markets", List.of("ETH", "BTC"));
    assertOnlyProblem(
        "venues[0].maintenanceMargin", "must be below initialMargin (0.05), was 0.06", read(v));
  }

  @Test
  void test_read_venueMaintenanceEqualToInitial() {
    Map<String, Object> v = valid();
    v.put("maintenanceMargin", 0.05);
    v.put("markets", List.of(map("asset", "ETH")));
    assertOnlyProblem(
        "venues[0].maintenanceMargin", "must be below initialMargin (0.05), was 0.05", read(v));
  }

  @Test
  void test_read_marketMaintenanceNotBelowInitial() {
    Map<String, Object> v = valid();
    v.put(
        "markets",
        List.of("ETH", map("asset", "BTC", "initialMargin", 0.05, "maintenanceMargin", 0.05)));
    assertOnlyProblem(
        "venues[0].markets[1].maintenanceMargin",
        "must be below initialMargin (0.05), was 0.05",
        read(v));
  }

  @Test
  void test_read_venueInitialMarginOutOfRange() {
    Map<String, Object> v = valid();
    v.put("initialMargin", 1.5);
    assertOnlyProblem("venues[0].initialMargin", "must be in (0, 1], was 1.5", read(v));
  }

  @Test
  void test_read_marketOverrideRepairsInvalidVenueDefaultButVenueFieldIsStillReported() {
    Map<String, Object> v = valid();
    v.put("maintenanceMargin", 0.06);
    // The market's own initialMargin 0.1 makes its pair (0.1, 0.06) valid, so only the venue's
    // field is wrong.
    v.put("markets", List.of(map("asset", "ETH", "initialMargin", 0.1)));
    assertOnlyProblem(
        "venues[0].maintenanceMargin", "must be below initialMargin (0.05), was 0.06", read(v));
  }

  @Test
  void test_read_marginsRequiredOnMarketOrVenue() {
    Map<String, Object> v = valid();
    v.remove("initialMargin");
    v.remove("maintenanceMargin");
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem(
                "venues[0].markets[0]", "initialMargin is required (on the market or the venue)"),
            new Problem(
                "venues[0].markets[0]",
                "maintenanceMargin is required (on the market or the venue)")),
        r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_unknownMarginModeListsKnownOnes() {
    Map<String, Object> v = valid();
    v.put("marginMode", "hybrid");
    assertOnlyProblem(
        "venues[0].marginMode",
        "unknown margin mode 'hybrid' (known: cross, isolated, portfolio)",
        read(v));
  }

  @Test
  void test_read_unknownOracleListsDeclaredOnes() {
    Map<String, Object> v = valid();
    v.put("oracle", "pyth");
    assertOnlyProblem(
        "venues[0].oracle", "unknown oracle 'pyth' (declared: chainlink, twap)", read(v));
  }

  @Test
  void test_read_missingOracleIsRequired() {
    Map<String, Object> v = valid();
    v.remove("oracle");
    assertOnlyProblem("venues[0].oracle", "is required", read(v));
  }

  @Test
  void test_read_unknownFieldListsKnownOnes() {
    Map<String, Object> v = valid();
    v.put("leverage", 20);
    assertOnlyProblem(
        "venues[0].leverage",
        "unknown field (known: backstop, borrowing, collateral, deleveraging, fundingInterestClamp, "
            + "fundingInterestRate, fundingIntervalSteps, houseCapital, id, initialMargin, insuranceFund, "
            + "liquidation, liquidationFee, liquidatorShare, maintenanceMargin, marginMode, markBasisSteps, "
            + "markPrice, markets, maxOracleAgeSteps, onStale, oracle, portfolio, tiers, type)",
        read(v));
  }

  @Test
  void test_read_unknownFieldInMarket() {
    Map<String, Object> v = valid();
    v.put("markets", List.of(map("asset", "ETH", "maxLeverage", 20)));
    assertOnlyProblem(
        "venues[0].markets[0].maxLeverage",
        "unknown field (known: asset, initialMargin, maintenanceMargin, tiers)",
        read(v));
  }

  @Test
  void test_read_marketAssetNotDeclaredAsObject() {
    Map<String, Object> v = valid();
    v.put("markets", List.of(map("asset", "SOL")));
    assertOnlyProblem(
        "venues[0].markets[0].asset",
        "unknown asset 'SOL' (declared: USD, ETH, BTC, stETH, HLP)",
        read(v));
  }

  @Test
  void test_read_marketAssetNotDeclaredAsPlainId() {
    Map<String, Object> v = valid();
    v.put("markets", List.of("ETH", "SOL"));
    assertOnlyProblem(
        "venues[0].markets[1]",
        "unknown asset 'SOL' (declared: USD, ETH, BTC, stETH, HLP)",
        read(v));
  }

  @Test
  void test_read_marketAssetMustBeSpot() {
    Map<String, Object> v = valid();
    v.put("markets", List.of("stETH"));
    assertOnlyProblem(
        "venues[0].markets[0]",
        "market asset stETH must be a spot asset with a price process",
        read(v));
  }

  @Test
  void test_read_marketListedTwice() {
    Map<String, Object> v = valid();
    v.put(
        "markets",
        List.of("ETH", map("asset", "ETH", "initialMargin", 0.2, "maintenanceMargin", 0.1)));
    assertOnlyProblem("venues[0].markets[1]", "market ETH is listed twice", read(v));
  }

  @Test
  void test_read_emptyMarketsList() {
    Map<String, Object> v = valid();
    v.put("markets", List.of());
    assertOnlyProblem("venues[0].markets", "must not be empty", read(v));
  }

  @Test
  void test_read_marketOverridingOnlyInitialIsReportedAtItsOwnField() {
    Map<String, Object> v = valid();
    // The market sets initialMargin 0.02 but inherits maintenanceMargin 0.025 from the venue:
    // the error belongs to the field the market wrote, not to one it does not have.
    v.put("markets", List.of(map("asset", "ETH", "initialMargin", 0.02)));
    assertOnlyProblem(
        "venues[0].markets[0].initialMargin",
        "must be above maintenanceMargin (0.025, from the venue), was 0.02",
        read(v));
  }

  @Test
  void test_read_haircutOnTheBaseCurrencyIsRejected() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of(map("asset", "USD", "haircut", 0.2)));
    assertOnlyProblem(
        "venues[0].collateral[0].haircut",
        "the base currency USD is always accepted at haircut 0, was 0.2",
        read(v));
  }

  @Test
  void test_read_collateralListedTwice() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of(map("asset", "ETH"), map("asset", "ETH", "haircut", 0.2)));
    assertOnlyProblem("venues[0].collateral[1]", "collateral ETH is listed twice", read(v));
  }

  @Test
  void test_read_haircutOfOneIsRejected() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of(map("asset", "ETH", "haircut", 1.0)));
    assertOnlyProblem("venues[0].collateral[0].haircut", "must be below 1, was 1.0", read(v));
  }

  @Test
  void test_read_haircutAboveOneIsRejected() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of(map("asset", "ETH", "haircut", 1.5)));
    assertOnlyProblem(
        "venues[0].collateral[0].haircut", "must be between 0 and 1, was 1.5", read(v));
  }

  @Test
  void test_read_collateralMustBeMapping() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of("ETH"));
    assertOnlyProblem("venues[0].collateral[0]", "must be a mapping of fields", read(v));
  }

  @Test
  void test_read_fractionsAndAmountsOutOfRange() {
    Map<String, Object> v = valid();
    v.put("liquidationFee", 1.2);
    v.put("liquidatorShare", -0.1);
    v.put("insuranceFund", -5);
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem("venues[0].liquidationFee", "must be between 0 and 1, was 1.2"),
            new Problem("venues[0].liquidatorShare", "must be between 0 and 1, was -0.1"),
            new Problem("venues[0].insuranceFund", "must be >= 0, was -5.0")),
        r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_reportsEveryProblemInOnePass() {
    Map<String, Object> v = valid();
    v.put("oracle", "pyth");
    v.put("marginMode", "hybrid");
    v.put("markets", List.of("ETH", "ETH"));
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem("venues[0].oracle", "unknown oracle 'pyth' (declared: chainlink, twap)"),
            new Problem(
                "venues[0].marginMode",
                "unknown margin mode 'hybrid' (known: cross, isolated, portfolio)"),
            new Problem("venues[0].markets[1]", "market ETH is listed twice")),
        r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_name_isPerpetual() {
    assertEquals("perpetual", new PerpetualVenueType().name());
    assertNotNull(read(valid()).spec());
  }

  // --- mechanisms

  @Test
  void test_read_mechanismsReadIntoExpectedRecord() {
    Map<String, Object> v = valid();
    v.put("tiers", List.of(map("lowerBound", 1.0e6, "maintenanceMargin", 0.04)));
    v.put("markets", List.of("ETH", map("asset", "BTC", "tiers", List.of())));
    v.put("collateral", List.of(map("asset", "ETH", "haircut", 0.1, "cap", 1.0e6)));
    v.put(
        "liquidation", map("mode", "partial", "closeFactor", 0.2, "partialAboveNotional", 100000));
    v.put(
        "backstop",
        map(
            "shareAsset",
            "HLP",
            "capital",
            5.0e6,
            "takeoverBelow",
            0.6667,
            "unwindFraction",
            0.25));
    v.put("deleveraging", map("rule", "random-start", "socializeLosses", true));
    v.put("markPrice", "median");
    v.put("markBasisSteps", 3);
    v.put("fundingIntervalSteps", 480);
    v.put("fundingInterestRate", 0.0001);
    v.put("maxOracleAgeSteps", 5);
    v.put("onStale", "ignore");
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    PerpetualVenueSpec expected =
        new PerpetualVenueSpec(
            VenueId.of("perp"),
            OracleId.of("chainlink"),
            MarginMode.CROSS,
            List.of(
                new PerpMarket(
                    ETH,
                    0.05,
                    0.025,
                    List.of(new MarginTier(0, 0.025), new MarginTier(1.0e6, 0.04))),
                new PerpMarket(BTC, 0.05, 0.025)),
            List.of(new CollateralTerms(ETH, 0.1, 1.0e6)),
            0.01,
            0.5,
            0,
            1.0e9,
            new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 100000),
            Optional.of(new BackstopTerms(HLP, 5.0e6, 0.6667, 0.25)),
            new DeleveragingTerms(DeleveragingRule.RANDOM_START, true),
            new PricingTerms(MarkPriceRule.MEDIAN, 3, 480, 0.0001, 0.0005, 5, StaleAction.IGNORE));
    assertEquals(expected, r.spec());
    assertEquals(Set.of(HLP), r.spec().issuedAssets());
  }

  @Test
  void test_read_closeFactorOutOfRange() {
    Map<String, Object> v = valid();
    v.put("liquidation", map("mode", "partial", "closeFactor", 1.5));
    assertOnlyProblem("venues[0].liquidation.closeFactor", "must be in (0, 1], was 1.5", read(v));
  }

  @Test
  void test_read_unknownLiquidationMode() {
    Map<String, Object> v = valid();
    v.put("liquidation", map("mode", "gradual"));
    assertOnlyProblem(
        "venues[0].liquidation.mode",
        "unknown liquidation mode 'gradual' (known: fixed-partial, full, partial)",
        read(v));
  }

  @Test
  void test_read_closeFactorWithFullMode() {
    Map<String, Object> v = valid();
    v.put("liquidation", map("closeFactor", 0.2));
    assertOnlyProblem(
        "venues[0].liquidation.mode",
        "closeFactor and partialAboveNotional apply only to mode partial or fixed-partial",
        read(v));
  }

  @Test
  void test_read_backstopShareMustBeDerived() {
    Map<String, Object> v = valid();
    v.put("backstop", map("shareAsset", "ETH", "capital", 1000));
    assertOnlyProblem(
        "venues[0].backstop.shareAsset",
        "asset 'ETH' must be of kind derived: it is issued by this venue",
        read(v));
  }

  @Test
  void test_read_backstopNeedsCapitalAndRejectsUnknownFields() {
    Map<String, Object> v = valid();
    v.put("backstop", map("shareAsset", "HLP", "vault", "x"));
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem(
                "venues[0].backstop.vault",
                "unknown field (known: capital, shareAsset, takeoverBelow, unwindFraction)"),
            new Problem("venues[0].backstop.capital", "is required")),
        r.problems());
    assertNull(r.spec());
  }

  @Test
  void test_read_unknownDeleveragingRule() {
    Map<String, Object> v = valid();
    v.put("deleveraging", map("rule", "biggest-first"));
    assertOnlyProblem(
        "venues[0].deleveraging.rule",
        "unknown deleveraging rule 'biggest-first' (known: none, pnl-leverage, pro-rata, random-start)",
        read(v));
  }

  @Test
  void test_read_unknownMarkPriceAndStaleAction() {
    Map<String, Object> v = valid();
    v.put("markPrice", "last");
    v.put("maxOracleAgeSteps", 3);
    v.put("onStale", "halt");
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem("venues[0].markPrice", "unknown mark price 'last' (known: index, median)"),
            new Problem("venues[0].onStale", "unknown action 'halt' (known: ignore, pause)")),
        r.problems());
  }

  @Test
  void test_read_fundingRateWithoutInterval() {
    Map<String, Object> v = valid();
    v.put("fundingInterestRate", 0.0001);
    assertOnlyProblem(
        "venues[0].fundingInterestRate", "applies only with fundingIntervalSteps > 0", read(v));
  }

  @Test
  void test_read_tiersMustRise() {
    Map<String, Object> v = valid();
    v.put(
        "tiers",
        List.of(
            map("lowerBound", 1.0e6, "maintenanceMargin", 0.04),
            map("lowerBound", 5.0e5, "maintenanceMargin", 0.03)));
    Read r = read(v);
    assertEquals(
        List.of(
            new Problem(
                "venues[0].tiers[1].lowerBound",
                "must exceed the previous tier's (1000000.0), was 500000.0"),
            new Problem(
                "venues[0].tiers[1].maintenanceMargin",
                "must not be below the previous tier's (0.04), was 0.03")),
        r.problems());
  }

  @Test
  void test_read_firstTierBelowMarketMaintenance() {
    Map<String, Object> v = valid();
    v.put(
        "markets",
        List.of(
            map(
                "asset",
                "ETH",
                "tiers",
                List.of(map("lowerBound", 1.0e6, "maintenanceMargin", 0.02)))));
    assertOnlyProblem(
        "venues[0].markets[0].tiers",
        "the first tier's maintenanceMargin must not be below the market's 0.025",
        read(v));
  }

  @Test
  void test_read_collateralCapMustBePositive() {
    Map<String, Object> v = valid();
    v.put("collateral", List.of(map("asset", "ETH", "cap", 0)));
    Read r = read(v);
    assertEquals("venues[0].collateral[0].cap", r.problems().get(0).path());
    assertEquals(1, r.problems().size());
  }

  @Test
  void test_read_portfolioModeNeedsItsModelAndReadsIt() {
    Map<String, Object> v = valid();
    v.put("marginMode", "portfolio");
    assertOnlyProblem(
        "venues[0].portfolio",
        "is required with marginMode portfolio (method: span or var)",
        read(v));
    v.put("portfolio", map("method", "span", "priceScanRange", map("ETH", 0.15)));
    Read r = read(v);
    assertEquals(List.of(), r.problems());
    PerpetualVenueSpec spec = (PerpetualVenueSpec) r.spec();
    assertEquals(MarginMode.PORTFOLIO, spec.marginMode());
    assertEquals("span", spec.portfolio().orElseThrow().method());
  }

  @Test
  void test_read_portfolioBlockOnlyWithPortfolioModeAndCoveringEveryMarket() {
    Map<String, Object> v = valid();
    v.put("portfolio", map("method", "span", "priceScanRange", map("ETH", 0.15)));
    assertOnlyProblem("venues[0].portfolio", "is only read with marginMode portfolio", read(v));
    v.put("marginMode", "portfolio");
    v.put("markets", new ArrayList<>(List.of("ETH", "BTC")));
    assertOnlyProblem(
        "venues[0].portfolio",
        "does not cover market BTC (give it a price scan range, or a volatility)",
        read(v));
  }
}
