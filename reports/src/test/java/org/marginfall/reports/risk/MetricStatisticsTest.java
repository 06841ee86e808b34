package org.marginfall.reports.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricStatisticsTest {

  @Test
  void test_of_workedExample() {
    // Values 0, 2, 4, 6 (n = 4): mean 3; sample variance ((9 + 1 + 1 + 9) / 3) = 20/3, sd =
    // 2.5819889.
    // R-7 quantile at p: h = (n - 1) p = 3p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor
    // h]):
    // q05: h = 0.15 -> 0 + 0.15 * 2 = 0.3; q25: h = 0.75 -> 1.5; q50: h = 1.5 -> 3; q75: 4.5; q95:
    // h = 2.85 -> 5.7.
    // Three of four values are above zero: share 0.75.
    MetricStatistics s = MetricStatistics.of(List.of(0.0, 2.0, 4.0, 6.0));
    assertEquals(4, s.n());
    assertEquals(3.0, s.mean(), 1e-12);
    assertEquals(2.5819889, s.sd(), 1e-7);
    // The bootstrap interval of the mean lies inside [min, max] around the mean.
    assertTrue(
        s.ciLow() >= 0 && s.ciLow() < 3 && s.ciHigh() > 3 && s.ciHigh() <= 6,
        s.ciLow() + " " + s.ciHigh());
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
  void test_of_quantilesAreTheHealthBandsArithmetic() {
    // Values 1, 4: q05 has h = (n - 1) p = 0.05, so 1 + 0.05 * 3 = 1.15 to the last bit, as
    // Quantiles computes it for the health bands. The 1-based form, h + 1 = 1.05 rounded before its
    // fraction is taken, gave 1.1500000000000001.
    MetricStatistics s = MetricStatistics.of(List.of(4.0, 1.0));
    assertEquals(1.15, s.q05(), 0.0);
    assertEquals(2.5, s.median(), 0.0);
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

  @Test
  void test_of_badDebtIntervalNeverGoesBelowZero() {
    // Bad debt 0, 0, 0, 30 over four replications. Student's t gave mean 7.5 ± t(0.975, 3) 3.1824
    // * 15 / 2 = ±23.87: [-16.4, 31.4], a negative bad debt. The percentile bootstrap: a resample's
    // mean is 30 K / 4 with K ~ Binomial(4, 1/4) the draws of the 30: P(K = 0) = 0.316, so the 2.5%
    // quantile is 0; P(K <= 2) = 0.949 and P(K <= 3) = 0.996, so the 97.5% quantile is 30 * 3 / 4.
    MetricStatistics s = MetricStatistics.of(List.of(0.0, 0.0, 0.0, 30.0));
    assertEquals(7.5, s.mean(), 1e-12);
    assertEquals(0.0, s.ciLow(), 0.0);
    assertEquals(22.5, s.ciHigh(), 0.0);
  }

  @Test
  void test_of_shareIntervalStaysWithinZeroAndOne() {
    // Two runs with a share of 0 and 1: resample means 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4.
    MetricStatistics s = MetricStatistics.of(List.of(0.0, 1.0));
    assertEquals(0.0, s.ciLow(), 0.0);
    assertEquals(1.0, s.ciHigh(), 0.0);
  }
}
