package org.marginfall.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawdownTest {

  private static final double TOLERANCE = 1e-15;

  private static Drawdown of(double... prices) {
    Drawdown d = new Drawdown();
    for (double p : prices) {
      d.add(p);
    }
    return d;
  }

  @Test
  void test_maxDrawdown_handSeries() {
    // peaks 100, 120, 120, 120, 120; falls 0, 0, 1 - 90/120 = 0.25, 1 - 110/120 = 0.0833, 1 -
    // 60/120 = 0.5
    Drawdown d = of(100, 120, 90, 110, 60);
    assertEquals(0.5, d.maxDrawdown(), TOLERANCE);
    assertEquals(100.0, d.first(), 0.0);
    assertEquals(60.0, d.last(), 0.0);
    assertEquals(60.0, d.min(), 0.0);
  }

  @Test
  void test_maxDrawdown_measuredFromRunningPeakNotGlobalMin() {
    // 1 - 80/100 = 0.2 happens before the later, higher peak 200; 1 - 150/200 = 0.25 is the max,
    // although the lowest price (80) comes before the peak.
    Drawdown d = of(100, 80, 200, 150, 190);
    assertEquals(0.25, d.maxDrawdown(), TOLERANCE);
    assertEquals(80.0, d.min(), 0.0);
  }

  @Test
  void test_maxDrawdown_risingSeriesIsZero() {
    assertEquals(0.0, of(1, 2, 3, 4).maxDrawdown(), 0.0);
    assertEquals(0.0, of(5, 5, 5).maxDrawdown(), 0.0);
  }

  @Test
  void test_maxDrawdown_emptyTracker() {
    Drawdown d = new Drawdown();
    assertEquals(0.0, d.maxDrawdown(), 0.0);
    assertTrue(Double.isNaN(d.first()));
    assertTrue(Double.isNaN(d.last()));
  }
}
