package org.marginfall.protocols.perp.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk.Estimator;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk.Measure;

/**
 * Value-at-risk margin: historical quantiles of a hand-written 20-return series and parametric VaR
 * from {@code sigma_p = sqrt(wᵀ Σ w)} and {@code z_0.99 = 2.3263478740408408} (the standard normal
 * 99% quantile, from tables).
 */
class ValueAtRiskTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final double Z99 = 2.3263478740408408;

  /** Twenty one-step simple returns of ETH, oldest first. */
  private static final double[] RETURNS = {
    0.01, -0.02, 0.005, -0.035, 0.012, -0.001, 0.02, -0.015, 0.003, -0.05,
    0.007, -0.008, 0.025, -0.012, 0.004, -0.027, 0.016, -0.004, 0.009, -0.019
  };

  /** Marks of ETH that realise {@code returns} one after another from 2,000. */
  private static List<double[]> marks(double... returns) {
    List<double[]> rows = new ArrayList<>();
    double p = 2000;
    rows.add(new double[] {p});
    for (double r : returns) {
      p *= 1 + r;
      rows.add(new double[] {p});
    }
    return rows;
  }

  private static ValueAtRisk historical(double confidence, int horizon, Measure measure) {
    return new ValueAtRisk(
        confidence, horizon, Estimator.HISTORICAL, 20, Optional.empty(), measure, 1.0);
  }

  /** Long 10 ETH marked at 3,000 (notional 30,000) with the window of {@link #RETURNS}. */
  private static Portfolio longEth(List<double[]> rows) {
    return new Portfolio(
        List.of(new Position(ETH, 10, 3000)), PriceHistory.of(List.of(ETH), 100, rows));
  }

  @Test
  void test_requirement_historicalQuantileOfTwentyReturns() {
    // Loss_t = -30,000 * R_t. The largest losses: R = -0.05 -> 1,500; -0.035 -> 1,050; -0.027 ->
    // 810; -0.02 -> 600. R_1 quantile = the ceil(20 c)-th smallest loss:
    //   c = 0.95: 19th smallest = 2nd largest = 1,050; ES = mean(1,500, 1,050) = 1,275
    //   c = 0.90: 18th smallest = 3rd largest = 810;   ES = (1,500 + 1,050 + 810) / 3 = 1,120
    //   c = 0.99: ceil(19.8) = 20th = the largest = 1,500
    Portfolio p = longEth(marks(RETURNS));
    MarginRequirement at95 = historical(0.95, 1, Measure.VAR).requirement(p);
    VarBreakdown b = (VarBreakdown) at95.breakdown();
    assertEquals(1050, b.valueAtRisk(), 1e-6);
    assertEquals(1275, b.expectedShortfall(), 1e-6);
    assertEquals(20, b.observations());
    assertEquals(1050, at95.maintenance(), 1e-6);
    assertEquals(810, historical(0.90, 1, Measure.VAR).requirement(p).maintenance(), 1e-6);
    assertEquals(
        1120, historical(0.90, 1, Measure.EXPECTED_SHORTFALL).requirement(p).maintenance(), 1e-6);
    assertEquals(1500, historical(0.99, 1, Measure.VAR).requirement(p).maintenance(), 1e-6);
  }

  @Test
  void test_requirement_historicalScaledToHorizon() {
    // h = 4: each log-return is scaled by sqrt(4) = 2, so a simple return R becomes (1 + R)^2 - 1.
    // R = -0.035: 0.965^2 - 1 = -0.068775 -> loss 2,063.25 (the 2nd largest, VaR at 95%);
    // R = -0.05: 0.95^2 - 1 = -0.0975 -> 2,925. ES = (2,925 + 2,063.25) / 2 = 2,494.125.
    MarginRequirement r =
        historical(0.95, 4, Measure.EXPECTED_SHORTFALL).requirement(longEth(marks(RETURNS)));
    VarBreakdown b = (VarBreakdown) r.breakdown();
    assertEquals(2063.25, b.valueAtRisk(), 1e-6);
    assertEquals(2494.125, r.maintenance(), 1e-6);
  }

  @Test
  void test_requirement_historicalReadsOnlyTheLastWindowSteps() {
    // Four crashes of -50% come before the 20 returns; a 20-step window must not see them.
    double[] longer = new double[24];
    for (int i = 0; i < 4; i++) {
      longer[i] = -0.5;
    }
    System.arraycopy(RETURNS, 0, longer, 4, 20);
    assertEquals(
        1050,
        historical(0.95, 1, Measure.VAR).requirement(longEth(marks(longer))).maintenance(),
        1e-6);
  }

  @Test
  void test_requirement_historicalShortGainsFloorAtZero() {
    // A short of 10 ETH loses +30,000 * R: at 95% the loss is the 2nd largest of 30,000 * R, i.e.
    // 30,000 * 0.02 = 600 (largest 0.025 -> 750). With only falls in the window the quantile is a
    // gain (negative loss) and the requirement is 0.
    Portfolio shortEth =
        new Portfolio(
            List.of(new Position(ETH, -10, 3000)),
            PriceHistory.of(List.of(ETH), 100, marks(RETURNS)));
    assertEquals(600, historical(0.95, 1, Measure.VAR).requirement(shortEth).maintenance(), 1e-6);
    double[] falls = new double[20];
    java.util.Arrays.fill(falls, -0.01);
    Portfolio shortInFalls =
        new Portfolio(
            List.of(new Position(ETH, -10, 3000)),
            PriceHistory.of(List.of(ETH), 100, marks(falls)));
    MarginRequirement r = historical(0.95, 1, Measure.VAR).requirement(shortInFalls);
    assertEquals(-300, ((VarBreakdown) r.breakdown()).valueAtRisk(), 1e-6);
    assertEquals(0, r.maintenance());
  }

  @Test
  void test_covers_needsAFullWindow() {
    ValueAtRisk model = historical(0.95, 1, Measure.VAR);
    assertEquals(21, model.marksNeeded());
    double[] nineteen = java.util.Arrays.copyOf(RETURNS, 19);
    Portfolio shortWindow = longEth(marks(nineteen));
    assertFalse(model.covers(shortWindow));
    assertThrows(IllegalArgumentException.class, () -> model.requirement(shortWindow));
    assertTrue(model.covers(longEth(marks(RETURNS))));
    // Nothing open: nothing to price, no history needed.
    assertEquals(0, model.requirement(Portfolio.of(List.of())).maintenance());
  }

  private static ReturnCovariance ethBtc(double sigmaEth, double sigmaBtc, double rho) {
    Map<AssetId, Double> vol = new LinkedHashMap<>();
    vol.put(ETH, sigmaEth);
    vol.put(BTC, sigmaBtc);
    return ReturnCovariance.of(vol, List.of(new Correlation(ETH, BTC, rho)));
  }

  @Test
  void test_requirement_parametricTwoAssets() {
    // w = (30,000, -30,000) (long 10 ETH at 3,000, short 0.5 BTC at 60,000);
    // sigma = (0.02, 0.015) per step, rho = 0.8.
    // wᵀΣw = 9e8 * 0.0004 + 9e8 * 0.000225 - 2 * 9e8 * 0.8 * 0.02 * 0.015
    //      = 360,000 + 202,500 - 432,000 = 130,500; sigma_p = sqrt(130,500) = 361.24783736...
    // VaR99 = 2.32634787 * 361.24783736 = 840.388138...; ES99 = sigma_p * phi(z) / 0.01 with
    // phi(2.32634787) = 0.0266521422 -> 962.802873...; initial = 1.2 * VaR.
    ValueAtRisk model =
        new ValueAtRisk(
            0.99,
            1,
            Estimator.PARAMETRIC,
            0,
            Optional.of(ethBtc(0.02, 0.015, 0.8)),
            Measure.VAR,
            1.2);
    Portfolio p =
        Portfolio.of(List.of(new Position(ETH, 10, 3000), new Position(BTC, -0.5, 60000)));
    MarginRequirement r = model.requirement(p);
    VarBreakdown b = (VarBreakdown) r.breakdown();
    double sigma = Math.sqrt(130500);
    assertEquals(sigma, b.sigma(), 1e-9);
    assertEquals(Z99 * sigma, r.maintenance(), 1e-9);
    assertEquals(840.388138453, r.maintenance(), 1e-6);
    assertEquals(962.802873211, b.expectedShortfall(), 1e-6);
    assertEquals(1.2 * 840.388138453, r.initial(), 1e-6);
    // Horizon 60 steps: sigma scales by sqrt(60): 840.388138 * 7.745966692 = 6,509.618529...
    ValueAtRisk hourly =
        new ValueAtRisk(
            0.99,
            60,
            Estimator.PARAMETRIC,
            0,
            Optional.of(ethBtc(0.02, 0.015, 0.8)),
            Measure.VAR,
            1.0);
    assertEquals(6509.61852916, hourly.requirement(p).maintenance(), 1e-6);
  }

  @Test
  void test_requirement_parametricEstimatedFromWindow() {
    // Log-returns ETH (0.01, -0.01, 0.02, -0.02), BTC (0.01, -0.01, 0.01, -0.01); both means 0.
    // Unbiased (n - 1 = 3): var ETH = (1 + 1 + 4 + 4)e-4 / 3 = 1e-3 / 3; var BTC = 4e-4 / 3;
    // cov = (1 + 1 + 2 + 2)e-4 / 3 = 2e-4.
    double[] re = {0.01, -0.01, 0.02, -0.02};
    double[] rb = {0.01, -0.01, 0.01, -0.01};
    List<double[]> rows = new ArrayList<>();
    double pe = 3000;
    double pb = 60000;
    rows.add(new double[] {pe, pb});
    for (int t = 0; t < 4; t++) {
      pe *= Math.exp(re[t]);
      pb *= Math.exp(rb[t]);
      rows.add(new double[] {pe, pb});
    }
    PriceHistory h = PriceHistory.of(List.of(ETH, BTC), 5, rows);
    ReturnCovariance cov = ReturnCovariance.estimate(List.of(ETH, BTC), h, 4);
    assertEquals(1e-3 / 3, cov.get(ETH, ETH), 1e-15);
    assertEquals(4e-4 / 3, cov.get(BTC, BTC), 1e-15);
    assertEquals(2e-4, cov.get(ETH, BTC), 1e-15);
    ValueAtRisk model =
        new ValueAtRisk(0.99, 1, Estimator.PARAMETRIC, 4, Optional.empty(), Measure.VAR, 1.0);
    // Long ETH alone (w = 30,000): sigma^2 = 9e8 * 1e-3 / 3 = 300,000; VaR = z * 547.7225575 =
    // 1,274.193207...
    Portfolio ethOnly = new Portfolio(List.of(new Position(ETH, 10, 3000)), h);
    assertEquals(1274.19320722, model.requirement(ethOnly).maintenance(), 1e-6);
    // Long ETH, short BTC (w = 30,000, -30,000): 9e8 * (1e-3/3 + 4e-4/3 - 4e-4) = 60,000;
    // VaR = z * 244.9489743 = 569.836525...
    Portfolio hedged =
        new Portfolio(List.of(new Position(ETH, 10, 3000), new Position(BTC, -0.5, 60000)), h);
    assertEquals(569.83652556, model.requirement(hedged).maintenance(), 1e-6);
  }

  @Test
  void test_new_rejectsInvalidParameters() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValueAtRisk(0.5, 1, Estimator.HISTORICAL, 20, Optional.empty(), Measure.VAR, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValueAtRisk(1.0, 1, Estimator.HISTORICAL, 20, Optional.empty(), Measure.VAR, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValueAtRisk(0.99, 0, Estimator.HISTORICAL, 20, Optional.empty(), Measure.VAR, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValueAtRisk(0.99, 1, Estimator.HISTORICAL, 1, Optional.empty(), Measure.VAR, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ValueAtRisk(
                0.99,
                1,
                Estimator.HISTORICAL,
                0,
                Optional.of(ethBtc(0.02, 0.015, 0.8)),
                Measure.VAR,
                1));
    // rho(ETH, BTC) is fine alone; an impossible three-asset set is not positive semi-definite.
    AssetId sol = AssetId.of("SOL");
    Map<AssetId, Double> vol = new LinkedHashMap<>();
    vol.put(ETH, 0.02);
    vol.put(BTC, 0.02);
    vol.put(sol, 0.02);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReturnCovariance.of(
                    vol,
                    List.of(
                        new Correlation(ETH, BTC, 0.9),
                        new Correlation(ETH, sol, 0.9),
                        new Correlation(BTC, sol, -0.9))));
    assertTrue(
        e.getMessage().startsWith("correlation: the correlations do not form a valid"),
        e.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReturnCovariance.of(vol, List.of(new Correlation(ETH, BTC, 0.9))));
    assertEquals("correlation: missing the pair ETH/SOL", missing.getMessage());
  }

  @Test
  void test_quantileRank_exactDecimalRank() {
    // k = ceil(N c): 20 * 0.95 = 19; 20 * 0.99 = 19.8 -> 20; 1,000 * 0.999 = 999 exactly.
    assertEquals(19, ValueAtRisk.quantileRank(0.95, 20));
    assertEquals(20, ValueAtRisk.quantileRank(0.99, 20));
    assertEquals(999, ValueAtRisk.quantileRank(0.999, 1000));
    assertEquals(1426, ValueAtRisk.quantileRank(0.99, 1440));
    // Commons Math's R_1 estimator defines the same rank; on the 20-return series it agrees.
    double[] losses = new double[RETURNS.length];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = -30000 * RETURNS[i];
    }
    double r1 =
        new org.apache.commons.math3.stat.descriptive.rank.Percentile()
            .withEstimationType(
                org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_1)
            .evaluate(losses, 95);
    assertEquals(1050, r1, 1e-9);
  }

  @Test
  void test_requirement_historicalRankAtHighConfidence() {
    // 1,000 returns: 998 of +0.1% then -1% and -2% at the end. Long 10 ETH at 3,000: losses 300
    // and 600 are the two largest. At c = 0.999 the rank is 999: VaR = 300, ES = (300 + 600) / 2.
    double[] r = new double[1000];
    java.util.Arrays.fill(r, 0.001);
    r[998] = -0.01;
    r[999] = -0.02;
    ValueAtRisk model =
        new ValueAtRisk(0.999, 1, Estimator.HISTORICAL, 1000, Optional.empty(), Measure.VAR, 1.0);
    Portfolio p =
        new Portfolio(
            List.of(new Position(ETH, 10, 3000)), PriceHistory.of(List.of(ETH), 1001, marks(r)));
    VarBreakdown b = (VarBreakdown) model.requirement(p).breakdown();
    assertEquals(300, b.valueAtRisk(), 1e-6);
    assertEquals(450, b.expectedShortfall(), 1e-6);
  }
}
