package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;

/**
 * The stateless formulas of the perpetual mechanisms, on hand-computed examples: the partial
 * liquidation fraction, margin tiers and their deduction, the median mark, the funding rate, and
 * the ADL ranking and allocation.
 */
class PerpMechanicsCalculatorTest {

  private static final double TOL = 1e-9;
  private static final AccountId B = AccountId.of("b");
  private static final AccountId C = AccountId.of("c");
  private static final AccountId D = AccountId.of("d");

  @Test
  void test_fraction_restoresHealthExactly() {
    // E = 4000, MM = 5000, N = 100000, fee 1%: f = (5000 - 4000) / (5000 - 0.01 * 100000) = 0.25.
    // Check: equity after the fee 4000 - 0.01 * 0.25 * 100000 = 3750 = (1 - 0.25) * 5000.
    assertEquals(0.25, PartialLiquidation.fraction(4000, 5000, 100_000, 0.01), TOL);
  }

  @Test
  void test_fraction_healthyIsZeroAndFeeEatingAllIsOne() {
    assertEquals(0, PartialLiquidation.fraction(5000, 5000, 100_000, 0.01), 0);
    // MM = 800 <= fee * N = 1000: closing frees less than the fee costs, so only a full close
    // helps.
    assertEquals(1, PartialLiquidation.fraction(500, 800, 100_000, 0.01), 0);
    // E = 100 < fee * N: (5000 - 100) / (5000 - 1000) = 1.225 > 1, capped at 1.
    assertEquals(1, PartialLiquidation.fraction(100, 5000, 100_000, 0.01), 0);
  }

  @Test
  void test_closeFraction_capsAboveThresholdAndClosesSmallAccountsInFull() {
    LiquidationTerms hl = new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 100_000);
    // Above $100k the minimal 0.25 is capped at the 20% close factor.
    assertEquals(0.2, PartialLiquidation.closeFraction(hl, 4000, 5000, 100_001, 0.01), TOL);
    // E = 4800, MM = 5000, N = 120000: f = 200 / (5000 - 1200) = 0.0526315789..., below the cap.
    assertEquals(
        200.0 / 3800, PartialLiquidation.closeFraction(hl, 4800, 5000, 120_000, 0.01), TOL);
    // At or below $100k: full close.
    assertEquals(1, PartialLiquidation.closeFraction(hl, 4000, 5000, 100_000, 0.01), 0);
    assertEquals(
        1, PartialLiquidation.closeFraction(LiquidationTerms.FULL, 4000, 5000, 1e9, 0.01), 0);
  }

  @Test
  void test_fixedFraction_twentyPercentOfLargePositionsUnlessCoolingDown() {
    // Hyperliquid: 20% of a position above 100k USDC; smaller positions, and any position during
    // the cooldown after a partial liquidation, in full.
    LiquidationTerms hl = new LiquidationTerms(LiquidationMode.FIXED_PARTIAL, 0.2, 100_000, 3);
    assertEquals(0.2, PartialLiquidation.fixedFraction(hl, 100_001, false), 0);
    assertEquals(1, PartialLiquidation.fixedFraction(hl, 100_000, false), 0);
    assertEquals(1, PartialLiquidation.fixedFraction(hl, 5e6, true), 0);
  }

  @Test
  void test_maintenance_binanceBracketsAreContinuousAtBoundaries() {
    // Binance CVCUSDT brackets (FAQ 360033162192): 1% to 5k, 2.5% to 25k, 5% to 100k.
    // deduction(1) = 5000 * (0.025 - 0.01) = 75; deduction(2) = 75 + 25000 * (0.05 - 0.025) = 700
    // (Binance publishes maintenance amounts 0, 75, 700 for these brackets).
    MarginTiers t =
        new MarginTiers(
            List.of(
                new MarginTier(0, 0.01),
                new MarginTier(5000, 0.025),
                new MarginTier(25_000, 0.05)));
    assertEquals(75, t.deduction(1), TOL);
    assertEquals(700, t.deduction(2), TOL);
    // Continuity at 25k: 25000 * 0.025 - 75 = 550 = 25000 * 0.05 - 700.
    assertEquals(550, t.maintenance(25_000), TOL);
    assertEquals(550, t.maintenance(Math.nextDown(25_000.0)), 1e-6);
    // Inside tier 2: 50000 * 0.05 - 700 = 1800; inside tier 0: 4000 * 0.01 = 40.
    assertEquals(1800, t.maintenance(50_000), TOL);
    assertEquals(40, t.maintenance(4000), TOL);
  }

  @Test
  void test_maintenance_hyperliquidBtcTiers() {
    // Hyperliquid BTC (margin tiers): 40x to $150M then 20x, mmr = 1 / (2 maxLev): 1.25%, 2.5%.
    // deduction(1) = 1.5e8 * 0.0125 = 1,875,000; MM(2e8) = 2e8 * 0.025 - 1,875,000 = 3,125,000.
    MarginTiers t =
        new MarginTiers(List.of(new MarginTier(0, 0.0125), new MarginTier(1.5e8, 0.025)));
    assertEquals(1_875_000, t.deduction(1), 1e-6);
    assertEquals(1_875_000, t.maintenance(1.5e8), 1e-6);
    assertEquals(3_125_000, t.maintenance(2e8), 1e-6);
  }

  @Test
  void test_marginTiers_rejectsFallingRates() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MarginTiers(List.of(new MarginTier(0, 0.05), new MarginTier(1000, 0.02))));
  }

  @Test
  void test_state_tieredRequirementAndCollateralCap() {
    // One long of 10 units at mark 5000 (notional 50,000), entry 5000, IMF 2%, tiers as Binance's
    // above: MM = 1800; IM = 50000 * 0.02 * 0.05 / 0.01 = 5000 (the tier keeps IM/MM of tier 0).
    // Collateral: 10,000 USD and 100 ETH at 3000 with haircut 10% capped at 20,000: counted 20,000.
    MarginTiers t =
        new MarginTiers(
            List.of(
                new MarginTier(0, 0.01),
                new MarginTier(5000, 0.025),
                new MarginTier(25_000, 0.05)));
    var s =
        PerpMarginCalculator.DEFAULT.state(
            List.of(
                new PerpMarginCalculator.CollateralLine(10_000, 1, 0),
                new PerpMarginCalculator.CollateralLine(100, 3000, 0.1, 20_000)),
            List.of(new PerpMarginCalculator.PositionLine(10, 5000, 5000, 0.02, 0.01)),
            List.of(t));
    assertEquals(30_000, s.equity(), TOL);
    assertEquals(1800, s.maintenanceRequirement(), TOL);
    assertEquals(5000, s.initialRequirement(), TOL);
  }

  @Test
  void test_median_picksTheMiddleComponent() {
    // index 3000, last funding 0.95%, half an interval to go: Price1 = 3000 * (1 + 0.0095 * 0.5)
    // = 3014.25; Price2 = 3000 + 20 = 3020; book 3030 -> median 3020.
    assertEquals(3020, MarkPrices.median(3000, 0.0095, 0.5, 20, 3030), TOL);
    // With the book at 3010 the median is Price1 = 3014.25.
    assertEquals(3014.25, MarkPrices.median(3000, 0.0095, 0.5, 20, 3010), TOL);
    // With the book below both, Price1 (the lower of the two others) is the median.
    assertEquals(3014.25, MarkPrices.median(3000, 0.0095, 0.5, 20, 2900), TOL);
  }

  @Test
  void test_fundingRate_binanceFormulaWithClampAndCap() {
    // P = 1%, I = 0.01%, clamp 0.05%: F = 0.01 + clamp(0.0001 - 0.01, +-0.0005) = 0.0095.
    assertEquals(0.0095, MarkPrices.fundingRate(0.01, 0.0001, 0.0005, 0.05), TOL);
    // P = 0.02%: I - P = -0.0001 within the clamp, F = I = 0.0001 (the usual 0.01% per 8 h).
    assertEquals(0.0001, MarkPrices.fundingRate(0.0002, 0.0001, 0.0005, 0.05), TOL);
    // P = -8%: F = -0.08 + 0.0005 = -0.0795, capped at -MMR = -0.05.
    assertEquals(-0.05, MarkPrices.fundingRate(-0.08, 0.0001, 0.0005, 0.05), TOL);
  }

  @Test
  void test_score_binanceRanking() {
    // uPnL 1000 on entry notional 6000: PnL% = 1/6; notional 5000 over equity 2000: leverage 2.5.
    assertEquals(1.0 / 6 * 2.5, Deleveraging.score(1000, -6000, -5000, 2000), TOL);
    // A loss ranks by PnL% / leverage: -600/6000 / 2.5 = -0.04.
    assertEquals(-0.04, Deleveraging.score(-600, 6000, 5000, 2000), TOL);
  }

  /**
   * Three opposite accounts in account order B, C, D with sizes 2, 1, 2 and scores .42, .20, .32.
   */
  private static List<Deleveraging.Opposite> book() {
    return List.of(
        new Deleveraging.Opposite(B, 2, 0.4167),
        new Deleveraging.Opposite(C, 1, 0.2025),
        new Deleveraging.Opposite(D, 2, 0.3217));
  }

  @Test
  void test_allocate_pnlLeverageFillsHighestScoreFirst() {
    // Order B (.4167), D (.3217), C (.2025); 3 units: B gives 2, D gives 1.
    assertEquals(
        List.of(new Deleveraging.Fill(B, 2), new Deleveraging.Fill(D, 1)),
        Deleveraging.allocate(DeleveragingRule.PNL_LEVERAGE, book(), 3, 0));
  }

  @Test
  void test_allocate_proRataBySize() {
    // 3 units over sizes 2, 1, 2 (total 5): 1.2, 0.6, 1.2.
    List<Deleveraging.Fill> fills = Deleveraging.allocate(DeleveragingRule.PRO_RATA, book(), 3, 0);
    assertEquals(3, fills.size());
    assertEquals(1.2, fills.get(0).quantity(), TOL);
    assertEquals(0.6, fills.get(1).quantity(), TOL);
    assertEquals(1.2, fills.get(2).quantity(), TOL);
    // More than the opposites hold: everyone gives everything (5 of the 7 asked).
    List<Deleveraging.Fill> all = Deleveraging.allocate(DeleveragingRule.PRO_RATA, book(), 7, 0);
    assertEquals(
        List.of(
            new Deleveraging.Fill(B, 2), new Deleveraging.Fill(C, 1), new Deleveraging.Fill(D, 2)),
        all);
  }

  @Test
  void test_allocate_randomStartWrapsAround() {
    // Start at index 2 (D): D gives 2, then wrap to B for the last 1.
    assertEquals(
        List.of(new Deleveraging.Fill(D, 2), new Deleveraging.Fill(B, 1)),
        Deleveraging.allocate(DeleveragingRule.RANDOM_START, book(), 3, 2));
    // u = 0.5 over 3 opposites: floor(1.5) = 1.
    assertEquals(1, Deleveraging.startIndex(0.5, 3));
    assertEquals(2, Deleveraging.startIndex(0.9999999, 3));
  }

  @Test
  void test_allocate_pnlLeverageTakesTheRankOrderOfAFullSort() {
    // The heap must give exactly the order of sorting every opposite: score descending, equal
    // scores (here many) by account id, the last fill partial.
    java.util.Random random = new java.util.Random(11);
    for (int trial = 0; trial < 500; trial++) {
      List<Deleveraging.Opposite> book = new java.util.ArrayList<>();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        double score = random.nextInt(3) == 0 ? random.nextInt(3) : random.nextGaussian();
        book.add(
            new Deleveraging.Opposite(
                org.marginfall.core.ledger.AccountId.of(
                    "t", Integer.toString(random.nextInt(1000) + 1000 * i)),
                0.5 + random.nextInt(4),
                score));
      }
      double quantity = random.nextDouble() * 2 * n;
      List<Deleveraging.Opposite> sorted = new java.util.ArrayList<>(book);
      sorted.sort(
          java.util.Comparator.comparingDouble((Deleveraging.Opposite o) -> -o.score())
              .thenComparing(Deleveraging.Opposite::account));
      List<Deleveraging.Fill> expected = new java.util.ArrayList<>();
      double left = quantity;
      for (Deleveraging.Opposite o : sorted) {
        if (left <= 0) {
          break;
        }
        double q = Math.min(left, o.size());
        expected.add(new Deleveraging.Fill(o.account(), q));
        left -= q;
      }
      assertEquals(
          expected,
          Deleveraging.allocate(DeleveragingRule.PNL_LEVERAGE, book, quantity, 0),
          "trial " + trial);
    }
  }
}
