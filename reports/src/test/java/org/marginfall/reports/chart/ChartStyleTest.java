package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.jfree.chart.axis.TickUnitSource;
import org.junit.jupiter.api.Test;

/** Tick labels of value axes: thousands separators, and as many decimals as the tick size needs. */
class ChartStyleTest {

  @Test
  void test_tickUnits_labelSmallStepsWithTheirDecimalsAndLargeOnesWithSeparators() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      TickUnitSource units = ChartStyle.tickUnits();
      // An exchange rate cut by basis points: ticks 0.0001 apart must not all read "1".
      assertEquals("1.0002", units.getCeilingTickUnit(0.0001).valueToString(1.0002));
      assertEquals("0.05", units.getCeilingTickUnit(0.04).valueToString(0.05));
      assertEquals("14,000,000", units.getCeilingTickUnit(2.0e6).valueToString(1.4e7));
      assertEquals("6,000,000", units.getCeilingTickUnit(2.0e6).valueToString(6.0e6));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
