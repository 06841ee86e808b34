package org.marginfall.experiments.internal.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.random.RandomStream;

/** Maximum likelihood recovers the parameters of paths simulated with known ones (fixed seeds). */
class CalibratorTest {

  private static final double HOUR = 1.0 / (365 * 24);

  /** GBM log-returns as FundamentalPrices draws them. */
  private static double[] gbm(double mu, double sigma, double dt, int n, long seed) {
    RandomStream s = new RandomStream("test", seed);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = (mu - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * s.nextStandardNormal();
    }
    return r;
  }

  @Test
  void test_gbm_recoversDriftAndVolatility_withinTheirStandardErrors() {
    double[] r = gbm(0.5, 0.8, HOUR, 20_000, 7);
    Fit fit = Calibrator.gbm(r, HOUR);
    Estimate vol = fit.estimate("volatility");
    Estimate drift = fit.estimate("drift");
    assertTrue(Math.abs(vol.value() - 0.8) < 3 * vol.standardError(), vol.toString());
    assertTrue(Math.abs(drift.value() - 0.5) < 3 * drift.standardError(), drift.toString());
    // The observed information of GBM gives se(sigma) = sigma / sqrt(2n) and se(mu) ~ sigma /
    // sqrt(T).
    assertEquals(
        vol.value() / Math.sqrt(2 * 20_000), vol.standardError(), 0.02 * vol.standardError());
    assertEquals(
        vol.value() / Math.sqrt(20_000 * HOUR),
        drift.standardError(),
        0.02 * drift.standardError());
    // Normal returns pass the KS test of their probability-integral transforms.
    assertTrue(fit.ksPValue() > 0.01, "KS p " + fit.ksPValue());
    assertEquals(2 * 2 - 2 * fit.logLikelihood(), fit.aic(), 1e-9);
  }

  @Test
  void test_merton_recoversJumpParameters_withinThreeStandardErrors() {
    double mu = 0.2;
    double sigma = 0.6;
    double lambda = 60;
    double m = -0.03;
    double delta = 0.02;
    int n = 20_000;
    RandomStream s = new RandomStream("merton", 11);
    double kappa = Math.exp(m + 0.5 * delta * delta) - 1;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double x =
          (mu - 0.5 * sigma * sigma - lambda * kappa) * HOUR
              + sigma * Math.sqrt(HOUR) * s.nextStandardNormal();
      if (s.nextUniform() < lambda * HOUR) {
        x += m + delta * s.nextStandardNormal();
      }
      r[i] = x;
    }
    Fit fit = Calibrator.merton(r, HOUR);
    double[] truth = {mu, sigma, lambda, m, delta};
    String[] names = {"drift", "volatility", "intensityPerYear", "meanLogJump", "sdLogJump"};
    for (int i = 0; i < names.length; i++) {
      Estimate e = fit.estimate(names[i]);
      assertTrue(Double.isFinite(e.standardError()) && e.standardError() > 0, e.toString());
      assertTrue(Math.abs(e.value() - truth[i]) < 3 * e.standardError(), e + " vs " + truth[i]);
    }
    // The jump model beats GBM on these returns by AIC, and GBM fails the KS test.
    Fit gbm = Calibrator.gbm(r, HOUR);
    assertTrue(fit.aic() < gbm.aic() - 100, fit.aic() + " vs " + gbm.aic());
    assertTrue(gbm.ksPValue() < fit.ksPValue(), gbm.ksPValue() + " vs " + fit.ksPValue());
  }
}
