package org.marginfall.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

class SummaryCollectorTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final VenueId PERP = VenueId.of("perp-a");
  private static final RunSettings SETTINGS = new RunSettings(3, 60, 5, 42);
  private static final double TOLERANCE = 1e-12;

  private static RunStart start() {
    return new RunStart(
        SETTINGS,
        2,
        USD,
        List.of(new RunStart.VenueInfo(PERP, "perpetual", Map.of("marginMode", "cross"))));
  }

  private static VenueSnapshot snapshot(
      long liquidations, double notional, double fund, double badDebt) {
    return new VenueSnapshot(
        10, liquidations, notional, notional * 0.01, 5.0 * liquidations, badDebt, fund, 1e6, 0);
  }

  private static StepRecord record(
      long step, double fundamental, double market, VenueSnapshot s, long liqThisStep) {
    return new StepRecord(
        step,
        step * 60.0,
        List.of(new StepRecord.AssetPoint(ETH, fundamental, market)),
        List.of(),
        List.of(new StepRecord.VenuePoint(PERP, s, liqThisStep, 0)));
  }

  @Test
  void test_summary_amplificationNullWhenFundamentalNeverFalls() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    // fundamental rises, market falls under impact: no fundamental drawdown to divide by
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(1, 105, 90, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(2, 110, 80, snapshot(0, 0, 1000, 0), 0));
    RunSummary.AssetSummary eth = c.summary(true, 3).assets().get("ETH");
    assertNull(eth.amplification());
    assertEquals(0.0, eth.fundamentalMaxDrawdown(), 0.0);
    // 1 - 80/100
    assertEquals(0.2, eth.marketMaxDrawdown(), TOLERANCE);
  }

  @Test
  void test_summary_amplificationIsMarketOverFundamentalDrawdown() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(1, 80, 70, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(2, 90, 88, snapshot(0, 0, 1000, 0), 0));
    RunSummary.AssetSummary eth = c.summary(true, 3).assets().get("ETH");
    // fundamental 1 - 80/100 = 0.2, market 1 - 70/100 = 0.3, amplification 0.3 / 0.2 = 1.5
    assertEquals(0.2, eth.fundamentalMaxDrawdown(), TOLERANCE);
    assertEquals(0.3, eth.marketMaxDrawdown(), TOLERANCE);
    assertEquals(1.5, eth.amplification(), TOLERANCE);
    assertEquals(100.0, eth.initialFundamental(), 0.0);
    assertEquals(90.0, eth.finalFundamental(), 0.0);
    assertEquals(80.0, eth.minFundamental(), 0.0);
    assertEquals(70.0, eth.minMarket(), 0.0);
    assertEquals(88.0, eth.finalMarket(), 0.0);
  }

  @Test
  void test_summary_venueCountersFromFirstAndLastSnapshots() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(1, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(2, 100, 100, snapshot(3, 3000, 1015, 0), 3));
    c.onStep(record(3, 100, 100, snapshot(4, 3500, 900, 40), 1));
    RunSummary s = c.summary(false, 0);
    RunSummary.VenueSummary v = s.venues().get("perp-a");
    assertEquals("perpetual", v.type());
    assertEquals(Map.of("marginMode", "cross"), v.attributes());
    assertEquals(4L, v.liquidations());
    assertEquals(3500.0, v.liquidatedNotional(), 0.0);
    assertEquals(35.0, v.liquidationFees(), TOLERANCE);
    assertEquals(1000.0, v.insuranceFundStart(), 0.0);
    assertEquals(900.0, v.insuranceFundEnd(), 0.0);
    assertEquals(20.0, v.insurancePaid(), 0.0);
    assertEquals(40.0, v.badDebt(), 0.0);
    assertEquals(2L, v.firstLiquidationStep());
    assertEquals(new RunSummary.Totals(4, 3500, 40), s.totals());
    assertEquals(new RunSummary.RunInfo(42, 2, 3, 60.0, 5, "USD"), s.run());
    assertEquals(new RunSummary.AuditSummary(false, 0, 0), s.audit());
  }

  @Test
  void test_summary_firstLiquidationStepNullWithoutLiquidations() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onStep(record(1, 100, 100, snapshot(0, 0, 1000, 0), 0));
    assertNull(c.summary(true, 2).venues().get("perp-a").firstLiquidationStep());
  }

  @Test
  void test_summary_beforeStartThrows() {
    assertThrows(IllegalStateException.class, () -> new SummaryCollector().summary(true, 0));
  }

  @Test
  void test_summary_backlogStepsAndLargestBacklogShortfallPerVenue() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onEvent(new LiquidationBacklog(1, 5, "perp-a", 3, 1200.0));
    c.onStep(record(1, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onEvent(new LiquidationBacklog(2, 2, "perp-a", 7, 4100.5));
    c.onStep(record(2, 100, 100, snapshot(0, 0, 1000, 0), 0));
    c.onEvent(new LiquidationBacklog(3, 1, "perp-a", 1, 90.0));
    c.onStep(record(3, 100, 100, snapshot(0, 0, 1000, 0), 0));
    RunSummary.VenueSummary v = c.summary(true, 4).venues().get("perp-a");
    // three ticks ended with a backlog; the largest shortfall was tick 2's 4100.5
    assertEquals(3L, v.backlogSteps());
    assertEquals(4100.5, v.maxBacklogShortfall(), 0.0);
  }

  @Test
  void test_summary_noBacklogGivesZeros() {
    SummaryCollector c = new SummaryCollector();
    c.onStart(start());
    c.onStep(record(0, 100, 100, snapshot(0, 0, 1000, 0), 0));
    RunSummary.VenueSummary v = c.summary(true, 1).venues().get("perp-a");
    assertEquals(0L, v.backlogSteps());
    assertEquals(0.0, v.maxBacklogShortfall(), 0.0);
  }
}
