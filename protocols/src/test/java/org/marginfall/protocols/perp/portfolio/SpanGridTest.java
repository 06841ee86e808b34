package org.marginfall.protocols.perp.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

/**
 * Scenario-grid portfolio margin on a two-asset book, with every number worked by hand from the CME
 * SPAN risk array and Deribit's price buckets (docs/sources.md).
 */
class SpanGridTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final double EPS = 1e-9;

  /** Long 10 ETH at 3000 (notional +30,000) and short 0.5 BTC at 60,000 (notional -30,000). */
  private static final Portfolio HEDGED =
      Portfolio.of(List.of(new Position(ETH, 10, 3000), new Position(BTC, -0.5, 60000)));

  private static Map<AssetId, Double> psr() {
    Map<AssetId, Double> m = new LinkedHashMap<>();
    m.put(ETH, 0.15);
    m.put(BTC, 0.10);
    return m;
  }

  private static SpanGrid cme(double k, List<InterCommodityCredit> credits) {
    return new SpanGrid(psr(), ScenarioGrid.cme(k, 0.35), credits, 1.1);
  }

  @Test
  void test_cme_sixteenScenariosInPublishedOrder() {
    List<Scenario> s = ScenarioGrid.cme(3, 0.35).scenarios();
    assertEquals(16, s.size());
    // #1,#2: no move; #3,#4: +1/3; #5,#6: -1/3; ... #13,#14: -3/3; #15/#16: +/-3 at weight 0.35.
    assertEquals(new Scenario(1, 0, VolShock.UP, 1), s.get(0));
    assertEquals(new Scenario(2, 0, VolShock.DOWN, 1), s.get(1));
    assertEquals(new Scenario(6, -1 / 3.0, VolShock.DOWN, 1), s.get(5));
    assertEquals(new Scenario(13, -1, VolShock.UP, 1), s.get(12));
    assertEquals(new Scenario(15, 3, VolShock.UNCHANGED, 0.35), s.get(14));
    assertEquals(new Scenario(16, -3, VolShock.UNCHANGED, 0.35), s.get(15));
  }

  @Test
  void test_requirement_twoPositionsWithoutCredit_extremeMultiple3() {
    MarginRequirement r = cme(3, List.of()).requirement(HEDGED);
    SpanBreakdown b = (SpanBreakdown) r.breakdown();
    // ETH long, loss = -30,000 * move * 0.15 * weight. Down moves: -1/3 -> 1,500; -2/3 -> 3,000;
    // -3/3 -> 4,500; extreme -3 at 0.35 -> 30,000 * 0.45 * 0.35 = 4,725 (#16) is the worst, because
    // 3 * 0.35 = 1.05 > 1.
    AssetScan eth = b.scans().get(0);
    assertEquals(ETH, eth.asset());
    assertEquals(16, eth.worst().number());
    assertEquals(4725, eth.scanningRisk(), EPS);
    // BTC short, loss = +30,000 * move * 0.10 * weight: +3/3 -> 3,000; extreme +3 at 0.35 ->
    // 30,000 * 0.30 * 0.35 = 3,150 (#15).
    AssetScan btc = b.scans().get(1);
    assertEquals(15, btc.worst().number());
    assertEquals(3150, btc.scanningRisk(), EPS);
    // No credit: maintenance = 4,725 + 3,150 = 7,875; initial = 1.1 * 7,875 = 8,662.5.
    assertEquals(7875, b.grossScanningRisk(), EPS);
    assertEquals(0, b.totalCredit());
    assertEquals(7875, r.maintenance(), EPS);
    assertEquals(8662.5, r.initial(), EPS);
    assertEquals(ETH, b.worst().orElseThrow().asset());
  }

  @Test
  void test_requirement_twoPositionsWithoutCredit_extremeMultiple2() {
    MarginRequirement r = cme(2, List.of()).requirement(HEDGED);
    SpanBreakdown b = (SpanBreakdown) r.breakdown();
    // Older CBOT k = 2: the ETH extreme is 30,000 * 0.30 * 0.35 = 3,150 < 4,500, so the worst is
    // the
    // full -3/3 move; #13 (vol up) and #14 (vol down) tie for a linear position and the lower
    // number is reported.
    assertEquals(13, b.scans().get(0).worst().number());
    assertEquals(4500, b.scans().get(0).scanningRisk(), EPS);
    // BTC extreme 30,000 * 0.20 * 0.35 = 2,100 < 3,000: worst #11 (+3/3, vol up).
    assertEquals(11, b.scans().get(1).worst().number());
    assertEquals(3000, b.scans().get(1).scanningRisk(), EPS);
    assertEquals(7500, r.maintenance(), EPS);
    assertEquals(8250, r.initial(), EPS);
  }

  @Test
  void test_requirement_interCommodityCreditOnOffsettingLegs() {
    MarginRequirement r =
        cme(3, List.of(new InterCommodityCredit(ETH, BTC, 0.5))).requirement(HEDGED);
    SpanBreakdown b = (SpanBreakdown) r.breakdown();
    // Long ETH against short BTC offsets. Matched risk = min(4,725, 3,150) = 3,150 on each leg;
    // credit = 2 * 0.5 * 3,150 = 3,150; maintenance = 7,875 - 3,150 = 4,725; initial = 5,197.5.
    assertEquals(1, b.credits().size());
    assertEquals(3150, b.credits().get(0).matchedRisk(), EPS);
    assertEquals(3150, b.totalCredit(), EPS);
    assertEquals(4725, r.maintenance(), EPS);
    assertEquals(5197.5, r.initial(), EPS);
  }

  @Test
  void test_requirement_sameDirectionLegsEarnNoCredit() {
    Portfolio bothLong =
        Portfolio.of(List.of(new Position(ETH, 10, 3000), new Position(BTC, 0.5, 60000)));
    MarginRequirement r =
        cme(3, List.of(new InterCommodityCredit(ETH, BTC, 0.5))).requirement(bothLong);
    // Both legs lose on a fall: ETH 4,725 (#16) + BTC 30,000 * 0.30 * 0.35 = 3,150 (#16) = 7,875.
    assertEquals(16, ((SpanBreakdown) r.breakdown()).scans().get(1).worst().number());
    assertEquals(0, ((SpanBreakdown) r.breakdown()).totalCredit());
    assertEquals(7875, r.maintenance(), EPS);
  }

  @Test
  void test_requirement_eachLegMatchedOnce() {
    AssetId sol = AssetId.of("SOL");
    Map<AssetId, Double> ranges = psr();
    ranges.put(sol, 0.20);
    // Short 100 SOL at 150: notional -15,000, worst #15 = 15,000 * 0.60 * 0.35 = 3,150.
    Portfolio p =
        Portfolio.of(
            List.of(
                new Position(ETH, 10, 3000),
                new Position(BTC, -0.5, 60000),
                new Position(sol, -100, 150)));
    SpanGrid model =
        new SpanGrid(
            ranges,
            ScenarioGrid.cme(3, 0.35),
            List.of(
                new InterCommodityCredit(ETH, BTC, 0.5), new InterCommodityCredit(sol, ETH, 0.25)),
            1.1);
    SpanBreakdown b = (SpanBreakdown) model.requirement(p).breakdown();
    // Gross = 4,725 + 3,150 + 3,150 = 11,025. ETH/BTC first: matched 3,150, credit 3,150, leaving
    // ETH 1,575 unmatched. SOL/ETH next: matched min(3,150, 1,575) = 1,575, credit 2 * 0.25 * 1,575
    // = 787.5. Maintenance = 11,025 - 3,937.5 = 7,087.5.
    assertEquals(11025, b.grossScanningRisk(), EPS);
    assertEquals(1575, b.credits().get(1).matchedRisk(), EPS);
    assertEquals(787.5, b.credits().get(1).credit(), EPS);
    assertEquals(7087.5, model.requirement(p).maintenance(), EPS);
  }

  @Test
  void test_requirement_deribitGrid() {
    ScenarioGrid grid = ScenarioGrid.deribit(9);
    // 9 price points -1, -3/4, ..., +1 times the range, each with vol up, unchanged, down: 27.
    assertEquals(27, grid.scenarios().size());
    SpanGrid model = new SpanGrid(Map.of(BTC, 0.16), grid, List.of(), 1.2);
    // Long 2 BTC at 50,000 (notional 100,000): worst is -16%, loss 16,000, first of the -1 row
    // (#1).
    MarginRequirement longBtc =
        model.requirement(Portfolio.of(List.of(new Position(BTC, 2, 50000))));
    AssetScan s = ((SpanBreakdown) longBtc.breakdown()).scans().get(0);
    assertEquals(1, s.worst().number());
    assertEquals(16000, s.scanningRisk(), EPS);
    assertEquals(19200, longBtc.initial(), EPS);
    // Short: worst +16% is the first of the +1 row, #25 (rows of 3 from #1; +1 is the 9th row).
    MarginRequirement shortBtc =
        model.requirement(Portfolio.of(List.of(new Position(BTC, -2, 50000))));
    assertEquals(25, ((SpanBreakdown) shortBtc.breakdown()).scans().get(0).worst().number());
    assertEquals(16000, shortBtc.maintenance(), EPS);
    // The second point is -3/4 of the range: loss 100,000 * 0.12 = 12,000.
    assertEquals(-0.75, grid.scenarios().get(3).move(), 0);
    assertEquals(12000, grid.scenarios().get(3).loss(100000, 0.16), EPS);
  }

  @Test
  void test_requirement_emptyAndFlatPortfoliosNeedNothing() {
    SpanGrid model = cme(3, List.of());
    assertEquals(0, model.requirement(Portfolio.of(List.of())).maintenance());
    AssetId sol = AssetId.of("SOL");
    // A closed position (size 0) needs no scan range and adds nothing.
    Portfolio flat = Portfolio.of(List.of(new Position(sol, 0, 150), new Position(ETH, 0, 3000)));
    assertTrue(model.covers(flat));
    MarginRequirement r = model.requirement(flat);
    assertEquals(0, r.maintenance());
    assertEquals(0, r.initial());
    assertEquals(List.of(), ((SpanBreakdown) r.breakdown()).scans());
  }

  @Test
  void test_covers_assetWithoutScanRange() {
    Portfolio p = Portfolio.of(List.of(new Position(AssetId.of("SOL"), 1, 150)));
    SpanGrid model = cme(3, List.of());
    assertFalse(model.covers(p));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.requirement(p));
    assertEquals("positions: no price scan range for asset SOL", e.getMessage());
  }

  @Test
  void test_new_rangeThatWouldTakeThePriceBelowZero() {
    // 3 * 0.4 = 1.2: the -3 x PSR extreme would move the price by -120%.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SpanGrid(Map.of(ETH, 0.4), ScenarioGrid.cme(3, 0.35), List.of(), 1.1));
    assertEquals(
        "priceScanRange: ETH 0.4 times the largest down move 3.0 would take the price to zero or below",
        e.getMessage());
    // The same range is valid with k = 2 (down move 80%).
    new SpanGrid(Map.of(ETH, 0.4), ScenarioGrid.cme(2, 0.35), List.of(), 1.1);
  }

  @Test
  void test_new_rejectsBadCreditsAndRatio() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            cme(
                3,
                List.of(
                    new InterCommodityCredit(ETH, BTC, 0.5),
                    new InterCommodityCredit(BTC, ETH, 0.3))));
    assertThrows(
        IllegalArgumentException.class,
        () -> cme(3, List.of(new InterCommodityCredit(ETH, AssetId.of("SOL"), 0.5))));
    assertThrows(IllegalArgumentException.class, () -> new InterCommodityCredit(ETH, ETH, 0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SpanGrid(psr(), ScenarioGrid.cme(3, 0.35), List.of(), 0.9));
    assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.deribit(8));
    assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.cme(0.5, 0.35));
    assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.cme(3, 0));
  }

  @Test
  void test_portfolio_rejectsDuplicateAsset() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Portfolio.of(List.of(new Position(ETH, 1, 3000), new Position(ETH, -1, 3000))));
    assertEquals("positions: asset ETH is listed twice", e.getMessage());
  }

  @Test
  void test_label_reportsScenarioInFixedFormat() {
    // Locale.ROOT formatting: the report shows the same text on every machine.
    assertEquals(
        "#16 -3.000 x range, vol unchanged, weight 0.3500",
        ScenarioGrid.cme(3, 0.35).scenarios().get(15).label());
    assertEquals(
        "#3 +0.3333 x range, vol up, weight 1.000",
        ScenarioGrid.cme(3, 0.35).scenarios().get(2).label());
  }
}
