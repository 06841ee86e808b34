package org.marginfall.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricStatisticsTest {

  @Test
  void test_of_workedExample() {
    // Values 0, 2, 4, 6 (n = 4): mean 3; sample variance ((9 + 1 + 1 + 9) / 3) = 20/3, sd = 2.5819889.
    // t(0.975, 3) = 3.1824463 (tables); half-width = 3.1824463 * 2.5819889 / 2 = 4.1085205.
    // R-7 quantile at p: h = (n - 1) p = 3p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]):
    // q05: h = 0.15 -> 0 + 0.15 * 2 = 0.3; q25: h = 0.75 -> 1.5; q50: h = 1.5 -> 3; q75: 4.5; q95: h = 2.85 -> 5.7.
    // Three of four values are above zero: share 0.75.
    MetricStatistics s = MetricStatistics.of(List.of(0.0, 2.0, 4.0, 6.0));
    assertEquals(4, s.n());
    assertEquals(3.0, s.mean(), 1e-12);
    assertEquals(2.5819889, s.sd(), 1e-7);
    assertEquals(3.0 - 4.1085205, s.ciLow(), 1e-6);
    assertEquals(3.0 + 4.1085205, s.ciHigh(), 1e-6);
    assertEquals(0.3, s.q05(), 1e-12);
    assertEquals(1.5, s.q25(), 1e-12);
    assertEquals(3.0, s.median(), 1e-12);
    assertEquals(4.5, s.q75(), 1e-12);
    assertEquals(5.7, s.q95(), 1e-12);
    assertEquals(0.0, s.min());
    assertEquals(6.0, s.max());
    assertEquals(0.75, s.positive(), 0.0);
  }

  @Test
  void test_of_oneValueHasNoSpreadAndNoValueHasNothing() {
    MetricStatistics one = MetricStatistics.of(List.of(5.0));
    assertEquals(5.0, one.mean());
    assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
    assertEquals("", one.cells().get(2), "undefined cells are empty");
    MetricStatistics none = MetricStatistics.of(List.of());
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()));
  }
}
