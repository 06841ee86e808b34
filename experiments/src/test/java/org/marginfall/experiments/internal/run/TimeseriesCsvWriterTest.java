package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

class TimeseriesCsvWriterTest {

  private static StepRecord record(long step, HealthBands perp) {
    VenueSnapshot a =
        new VenueSnapshot(3, 1, 500.0, 5.0, 0.0, 0.0, 1000.0, 2.0e4, 1, Map.of("x", 7.0));
    VenueSnapshot b = new VenueSnapshot(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0);
    return new StepRecord(
        step,
        step * 60.0,
        List.of(new StepRecord.AssetPoint(AssetId.of("ETH"), 2000.0, 1990.0)),
        List.of(),
        List.of(
            new StepRecord.VenuePoint(VenueId.of("perp"), a, 1, 500.0, perp),
            new StepRecord.VenuePoint(VenueId.of("lend"), b, 0, 0.0)));
  }

  @Test
  void test_onStep_healthColumnsAfterTheStandardOnesAndEmptyWithoutRisk() {
    StringWriter out = new StringWriter();
    TimeseriesCsvWriter w = new TimeseriesCsvWriter(out);
    // Health values 0.5, 1.0, 2.0 (n = 3): p05 = 0.5 + 0.1 * 0.5 = 0.55, p25 = 0.5 + 0.5 * 0.5 =
    // 0.75,
    // p50 = 1.0, p75 = 1.0 + 0.5 * 1.0 = 1.5, p95 = 1.0 + 0.9 * 1.0 = 1.9.
    w.onStep(record(0, HealthBands.of(new double[] {2.0, 0.5, 1.0})));
    String[] lines = out.toString().split("\n");
    assertEquals(
        "step,time_s,fundamental_price.ETH,market_price.ETH,"
            + "liquidations.perp,liquidated_notional.perp,bad_debt.perp,insurance_fund.perp,open_interest.perp,liquidatable.perp,"
            + "health_count.perp,health_p05.perp,health_p25.perp,health_p50.perp,health_p75.perp,health_p95.perp,x.perp,"
            + "liquidations.lend,liquidated_notional.lend,bad_debt.lend,insurance_fund.lend,open_interest.lend,liquidatable.lend,"
            + "health_count.lend,health_p05.lend,health_p25.lend,health_p50.lend,health_p75.lend,health_p95.lend",
        lines[0]);
    String[] cells = lines[1].split(",", -1);
    assertEquals(lines[0].split(",").length, cells.length);
    assertEquals("3", cells[10]);
    double[] expected = {0.55, 0.75, 1.0, 1.5, 1.9};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], Double.parseDouble(cells[11 + i]), 1e-12, "quantile " + i);
    }
    assertEquals("7.0", cells[16]);
    assertEquals(List.of("0", "", "", "", "", ""), List.of(cells).subList(23, 29));
  }
}
