package org.marginfall.core.price;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;

class FundamentalPricesTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId SOL = AssetId.of("SOL");
  private static final long SEED = 1_2345_6789L;

  /** One day per step: dt = 86400 / (365 * 86400) = 1/365 year. */
  private static final double STEP_SECONDS = 86_400.0;

  private static final double DT = 1.0 / 365;
  private static final double ETH_PRICE = 2000.0;

  /** Steps of the statistical checks; tolerances are 4 standard errors of the estimate. */
  private static final int STEPS = 200_000;

  private static final double SE_MULTIPLE = 4.0;

  private static FundamentalPrices prices(
      List<AssetId> assets,
      List<PriceProcessSpec> specs,
      double[][] correlation,
      RandomStreams streams) {
    return new FundamentalPrices(assets, specs, correlation, STEP_SECONDS, streams);
  }

  private static FundamentalPrices single(PriceProcessSpec spec) {
    return prices(
        List.of(ETH), List.of(spec), FundamentalPrices.identity(1), new RandomStreams(SEED, 0));
  }

  /** The log-returns of asset 0 over {@code n} steps. */
  private static double[] logReturns(FundamentalPrices p, int asset, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double before = p.price(asset);
      p.advance();
      out[i] = Math.log(p.price(asset) / before);
    }
    return out;
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double centralMoment(double[] xs, double mean, int power) {
    double s = 0;
    for (double x : xs) {
      s += Math.pow(x - mean, power);
    }
    return s / xs.length;
  }

  @Test
  void test_advance_zeroVolatilityNoJumpsStaysExactlyConstant() {
    FundamentalPrices p = single(PriceProcessSpec.constant(ETH_PRICE));
    for (int i = 0; i < 1_000; i++) {
      p.advance();
      assertEquals(ETH_PRICE, p.price(0), 0.0);
    }
  }

  @Test
  void test_advance_zeroVolatilityGrowsAtTheDrift() {
    // ln S' = ln S + mu dt each step; 365 steps of a year: S = 2000 e^0.1 = 2210.3418361512954
    FundamentalPrices p = single(new PriceProcessSpec(ETH_PRICE, 0.1, 0.0, Optional.empty()));
    for (int i = 0; i < 365; i++) {
      p.advance();
    }
    assertEquals(ETH_PRICE * Math.exp(0.1), p.price(0), ETH_PRICE * 1e-12);
  }

  @Test
  void test_scale_shockOfMinus30PercentOver10StepsEndsAtExactly70Percent() {
    PriceShock shock = new PriceShock(ETH, 3, 10, -0.30);
    FundamentalPrices p = single(PriceProcessSpec.constant(ETH_PRICE));
    double perStep = Math.pow(0.7, 1.0 / 10); // 0.9649610951198176
    for (long step = 1; step <= 15; step++) {
      double before = p.price(0);
      p.advance();
      p.scale(0, shock.factorAt(step));
      double expectedRatio = step >= 3 && step <= 12 ? perStep : 1.0;
      assertEquals(expectedRatio, p.price(0) / before, 1e-15, "step " + step);
    }
    // 0.7^(1/10) multiplied ten times: 2000 * 0.7 = 1400
    assertEquals(1400.0, p.price(0), 1400.0 * 1e-12);
  }

  @Test
  void test_advance_gbmLogReturnMeanAndVarianceMatchTheory() {
    double mu = 0.1;
    double sigma = 0.8;
    double[] r =
        logReturns(single(new PriceProcessSpec(ETH_PRICE, mu, sigma, Optional.empty())), 0, STEPS);

    // E[r] = (mu - sigma^2/2) dt = (0.1 - 0.32) / 365 = -6.0274e-4 per step
    double expectedMean = (mu - sigma * sigma / 2) * DT;
    // Var[r] = sigma^2 dt = 0.64 / 365 = 1.7534e-3
    double expectedVariance = sigma * sigma * DT;
    double m = mean(r);
    double v = centralMoment(r, m, 2);
    // SE of the mean sqrt(var / n) = 9.4e-5; the drift without the -sigma^2/2 term would be 9 SE
    // away.
    assertEquals(expectedMean, m, SE_MULTIPLE * Math.sqrt(expectedVariance / STEPS));
    // SE of a normal sample variance: var * sqrt(2 / (n - 1)), 0.32% here
    assertEquals(
        expectedVariance, v, SE_MULTIPLE * expectedVariance * Math.sqrt(2.0 / (STEPS - 1)));
  }

  @Test
  void test_advance_twoAssetLogReturnsHaveTheGivenCorrelation() {
    double rho = 0.6;
    FundamentalPrices p =
        prices(
            List.of(ETH, BTC),
            List.of(
                new PriceProcessSpec(ETH_PRICE, 0.0, 0.8, Optional.empty()),
                new PriceProcessSpec(60_000, 0.0, 0.5, Optional.empty())),
            new double[][] {{1, rho}, {rho, 1}},
            new RandomStreams(SEED, 0));
    int n = 100_000;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      double a0 = p.price(0);
      double b0 = p.price(1);
      p.advance();
      a[i] = Math.log(p.price(0) / a0);
      b[i] = Math.log(p.price(1) / b0);
    }
    double ma = mean(a);
    double mb = mean(b);
    double cov = 0;
    for (int i = 0; i < n; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
    }
    cov /= n;
    double corr = cov / Math.sqrt(centralMoment(a, ma, 2) * centralMoment(b, mb, 2));
    // SE of a sample correlation of normals: (1 - rho^2) / sqrt(n) = 0.64 / 316 = 0.002
    assertEquals(rho, corr, SE_MULTIPLE * (1 - rho * rho) / Math.sqrt(n));
    // the second asset's own variance is still sigma^2 dt = 0.25 / 365
    assertEquals(
        0.25 * DT, centralMoment(b, mb, 2), SE_MULTIPLE * 0.25 * DT * Math.sqrt(2.0 / (n - 1)));
  }

  @Test
  void test_advance_appendingAnUncorrelatedAssetLeavesExistingPathsBitIdentical() {
    PriceProcessSpec eth = new PriceProcessSpec(ETH_PRICE, 0.05, 0.8, Optional.empty());
    PriceProcessSpec btc =
        new PriceProcessSpec(60_000, 0.02, 0.5, Optional.of(new JumpSpec(12, -0.05, 0.1)));
    PriceProcessSpec sol =
        new PriceProcessSpec(150, 0.0, 1.2, Optional.of(new JumpSpec(50, -0.1, 0.2)));
    FundamentalPrices two =
        prices(
            List.of(ETH, BTC),
            List.of(eth, btc),
            new double[][] {{1, 0.7}, {0.7, 1}},
            new RandomStreams(SEED, 0));
    // The Cholesky factor's first two rows are unchanged when a zero-correlation row is appended
    // last,
    // and SOL draws only from its own stream prices/SOL.
    FundamentalPrices three =
        prices(
            List.of(ETH, BTC, SOL),
            List.of(eth, btc, sol),
            new double[][] {{1, 0.7, 0}, {0.7, 1, 0}, {0, 0, 1}},
            new RandomStreams(SEED, 0));
    int n = 2_000;
    double[][] pathsTwo = new double[2][n];
    double[][] pathsThree = new double[2][n];
    for (int i = 0; i < n; i++) {
      two.advance();
      three.advance();
      for (int a = 0; a < 2; a++) {
        pathsTwo[a][i] = two.price(a);
        pathsThree[a][i] = three.price(a);
      }
    }
    assertArrayEquals(pathsTwo[0], pathsThree[0]);
    assertArrayEquals(pathsTwo[1], pathsThree[1]);
    // and the paths did move
    assertTrue(pathsTwo[0][n - 1] != ETH_PRICE && pathsTwo[1][n - 1] != 60_000);
  }

  @Test
  void test_advance_pathIgnoresOtherStreamsCreatedOrUsedFirst() {
    PriceProcessSpec eth = new PriceProcessSpec(ETH_PRICE, 0.0, 0.8, Optional.empty());
    FundamentalPrices plain = single(eth);
    RandomStreams busy = new RandomStreams(SEED, 0);
    for (int i = 0; i < 100; i++) {
      busy.stream("agents/traders").nextUniform();
      busy.stream("oracles").nextUniform();
    }
    FundamentalPrices afterOthers =
        prices(List.of(ETH), List.of(eth), FundamentalPrices.identity(1), busy);
    for (int i = 0; i < 500; i++) {
      plain.advance();
      afterOthers.advance();
      assertEquals(plain.price(0), afterOthers.price(0), 0.0);
    }
  }

  @Test
  void test_poissonQuantile_handComputedValues() {
    // Poisson(1): P0 = e^-1 = 0.367879, CDF 0.367879, 0.735759, 0.919699, 0.981012
    assertEquals(0, FundamentalPrices.poissonQuantile(0.30, 1.0));
    assertEquals(0, FundamentalPrices.poissonQuantile(0.367, 1.0));
    assertEquals(1, FundamentalPrices.poissonQuantile(0.368, 1.0));
    assertEquals(1, FundamentalPrices.poissonQuantile(0.70, 1.0));
    assertEquals(2, FundamentalPrices.poissonQuantile(0.80, 1.0));
    assertEquals(3, FundamentalPrices.poissonQuantile(0.95, 1.0));
    // Poisson(2.5): CDF 0.082085, 0.287297, 0.543813, 0.757576, 0.891178, 0.957979
    assertEquals(0, FundamentalPrices.poissonQuantile(0.05, 2.5));
    assertEquals(2, FundamentalPrices.poissonQuantile(0.50, 2.5));
    assertEquals(4, FundamentalPrices.poissonQuantile(0.85, 2.5));
    assertEquals(5, FundamentalPrices.poissonQuantile(0.90, 2.5));
    // Poisson(0.01) (a typical lambda dt): P0 = e^-0.01 = 0.990050
    assertEquals(0, FundamentalPrices.poissonQuantile(0.99, 0.01));
    assertEquals(1, FundamentalPrices.poissonQuantile(0.9901, 0.01));
    // no intensity: never a jump
    assertEquals(0, FundamentalPrices.poissonQuantile(0.999999, 0.0));
  }

  @Test
  void test_advance_jumpCompensatorKeepsExpectedGrowthAtDrift() {
    // E[S_T] = S_0 e^(mu T) holds iff each step's gross return has mean e^(mu dt): the steps are
    // independent, so E[S_T / S_0] is the product of the per-step means.
    double mu = 0.05;
    JumpSpec jumps = new JumpSpec(50, -0.05, 0.05);
    FundamentalPrices p = single(new PriceProcessSpec(ETH_PRICE, mu, 0.2, Optional.of(jumps)));
    double[] r = logReturns(p, 0, STEPS);
    double[] gross = new double[STEPS];
    for (int i = 0; i < STEPS; i++) {
      gross[i] = Math.exp(r[i]);
    }
    double m = mean(gross);
    double se = Math.sqrt(centralMoment(gross, m, 2) / STEPS);
    // lambda k dt = 50 (e^(-0.05 + 0.00125) - 1) / 365 = -6.5e-3 per step: without the compensator
    // the
    // mean would be about 100 standard errors (se = 6e-5) away from e^(mu dt).
    assertEquals(Math.exp(mu * DT), m, SE_MULTIPLE * se);
    assertTrue(Math.abs(jumps.intensityPerYear() * jumps.meanRelativeJump() * DT) > 50 * se);
  }

  @Test
  void test_advance_jumpDiffusionLogReturnVarianceMatchesCompoundPoisson() {
    // Var[r] = sigma^2 dt + lambda dt (s^2 + m^2) = 0.04/365 + 50/365 * (0.0025 + 0.0025) =
    // 7.945e-4
    double sigma = 0.2;
    JumpSpec jumps = new JumpSpec(50, -0.05, 0.05);
    double[] r =
        logReturns(
            single(new PriceProcessSpec(ETH_PRICE, 0.0, sigma, Optional.of(jumps))), 0, STEPS);
    double m = mean(r);
    double v = centralMoment(r, m, 2);
    double expected = sigma * sigma * DT + 50 * DT * (0.05 * 0.05 + 0.05 * 0.05);
    // SE of a sample variance from the sample's fourth moment: sqrt((mu4 - var^2) / n)
    double se = Math.sqrt((centralMoment(r, m, 4) - v * v) / STEPS);
    assertEquals(expected, v, SE_MULTIPLE * se);
    // without jumps the variance would be 1.1e-4, far outside the tolerance
    assertTrue(expected - sigma * sigma * DT > 20 * se);
  }

  @Test
  void test_meanRelativeJump_isExpOfMeanPlusHalfVarianceMinusOne() {
    // e^(-0.1 + 0.2^2 / 2) - 1 = e^-0.08 - 1 = -0.07688365361336424
    assertEquals(-0.07688365361336424, new JumpSpec(5, -0.1, 0.2).meanRelativeJump(), 1e-15);
    assertEquals(0.0, new JumpSpec(5, 0, 0).meanRelativeJump(), 0.0);
    // e^(0.1 + 0.005) - 1 = 0.11070781964... (up jumps average above e^m - 1 = 0.10517)
    assertEquals(Math.expm1(0.105), new JumpSpec(1, 0.1, 0.1).meanRelativeJump(), 1e-15);
  }

  @Test
  void test_jumpSpec_validationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new JumpSpec(-1, 0, 0.1));
    assertTrue(e.getMessage().startsWith("intensityPerYear:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new JumpSpec(1, 0, -0.1));
    assertTrue(e.getMessage().startsWith("sdLogJump:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new JumpSpec(1, Double.NaN, 0.1));
    assertTrue(e.getMessage().startsWith("meanLogJump:"), e.getMessage());
  }

  @Test
  void test_priceProcessSpec_validationNamesTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PriceProcessSpec(0, 0, 0.1, Optional.empty()));
    assertTrue(e.getMessage().startsWith("initialPrice:"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PriceProcessSpec(1, 0, -0.1, Optional.empty()));
    assertTrue(e.getMessage().startsWith("volatility:"), e.getMessage());
    assertEquals(Optional.empty(), new PriceProcessSpec(1, 0, 0, null).jumps());
  }

  @Test
  void test_constructor_specsAndCorrelationMustMatchAssets() {
    RandomStreams streams = new RandomStreams(SEED, 0);
    PriceProcessSpec c = PriceProcessSpec.constant(1);
    assertThrows(
        IllegalArgumentException.class,
        () -> prices(List.of(ETH, BTC), List.of(c), FundamentalPrices.identity(2), streams));
    assertThrows(
        IllegalArgumentException.class,
        () -> prices(List.of(ETH, BTC), List.of(c, c), FundamentalPrices.identity(1), streams));
  }

  @Test
  void test_indexOf_findsAssetsInOrder() {
    FundamentalPrices p =
        prices(
            List.of(ETH, BTC),
            List.of(PriceProcessSpec.constant(2000), PriceProcessSpec.constant(60_000)),
            FundamentalPrices.identity(2),
            new RandomStreams(SEED, 0));
    assertEquals(1, p.indexOf(BTC));
    assertEquals(-1, p.indexOf(SOL));
    assertEquals(60_000.0, p.price(1), 0.0);
  }
}
