package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The kinked borrow rate of DefaultReserveInterestRateStrategyV2 and Aave's compounded-interest
 * approximation (MathUtils.calculateCompoundedInterest), on hand-computed points.
 */
class InterestRateCurveTest {

  /** A USDC-like curve: base 0, slope1 4%, slope2 60%, kink at 90%. */
  private static final InterestRateCurve USDC = new InterestRateCurve(0, 0.04, 0.60, 0.90);

  @Test
  void test_borrowRate_linearBelowKinkSteepAbove() {
    // u = 0.45: 0 + 0.04 × 0.45 / 0.90 = 0.02.
    assertEquals(0.02, USDC.borrowRate(0.45), 1e-15);
    // u = 0.90 (the kink): 0.04.
    assertEquals(0.04, USDC.borrowRate(0.90), 1e-15);
    // u = 0.95: 0.04 + 0.60 × (0.95 − 0.90) / (1 − 0.90) = 0.04 + 0.30 = 0.34.
    assertEquals(0.34, USDC.borrowRate(0.95), 1e-12);
    // u = 1: 0.04 + 0.60 = 0.64; u = 0: the base rate.
    assertEquals(0.64, USDC.borrowRate(1), 1e-12);
    assertEquals(0.01, new InterestRateCurve(0.01, 0.04, 0.6, 0.9).borrowRate(0), 0);
  }

  @Test
  void test_supplyRate_isBorrowRateTimesUtilisationNetOfReserveFactor() {
    // 0.02 × 0.45 × (1 − 0.10) = 0.0081.
    assertEquals(0.0081, USDC.supplyRate(0.45, 0.10), 1e-15);
  }

  @Test
  void test_compoundedGrowth_matchesAaveBinomialApproximation() {
    // One year at 10%: 1 + 0.1 + 0.1^2/2 + 0.1^3/6 = 1.10516667 (to within 1/n corrections of
    // order 1e-9), below e^0.1 = 1.10517092 by the omitted fourth-order term.
    double year = InterestRateCurve.SECONDS_PER_YEAR;
    assertEquals(1.1051666667, InterestRateCurve.compoundedGrowth(0.10, year), 1e-8);
    // One day at 2%: 1 + 0.02/365 + (86400 × 86399 / 2)(0.02 / 31,536,000)^2 = 1 + 5.47945205e-5
    // + 1.5012e-9.
    assertEquals(
        1 + 5.47945205e-5 + 1.5012e-9, InterestRateCurve.compoundedGrowth(0.02, 86_400), 1e-13);
    assertEquals(1, InterestRateCurve.compoundedGrowth(0.5, 0), 0);
  }

  @Test
  void test_new_rejectsKinkOutsideOpenUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> new InterestRateCurve(0, 0.04, 0.6, 1.0));
    assertThrows(IllegalArgumentException.class, () -> USDC.borrowRate(1.2));
  }
}
