package org.marginfall.core.price;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;

/**
 * The fundamental prices of all spot assets: correlated geometric Brownian motion with Merton
 * jumps, advanced one step at a time.
 *
 * <p>Per step and asset i: {@code ln S' = ln S + (mu - sigma^2/2 - lambda*k) dt + sigma sqrt(dt) w_i
 * + J_i}, with {@code w = L z} ({@code L} the Cholesky factor of the correlation matrix, {@code z}
 * independent standard normals), {@code k = E[e^J] - 1} the jump compensator, and {@code J_i} the
 * sum of a Poisson({@code lambda dt}) number of N(m, s^2) jumps, drawn as one count and one normal
 * (a sum of n normals is N(n m, n s^2)). Sources: Black and Scholes (1973); Merton (1976), J.
 * Financial Economics 3:125-144. Each asset draws from its own stream {@code prices/<asset>} by
 * inversion, a fixed number of uniforms per step, so the path depends on nothing but the price
 * specs and the seed. Mutable and not thread-safe.
 */
public final class FundamentalPrices {

  private final List<AssetId> assets;
  private final PriceProcessSpec[] specs;
  private final RandomStream[] streams;
  private final RealMatrix cholesky;
  private final double dtYears;
  private final double[] prices;
  private final double[] z;

  /**
   * Creates the process.
   *
   * @param assets the spot assets, in scenario order
   * @param specs their processes, same order
   * @param correlation the correlation matrix of the diffusions (symmetric positive definite)
   * @param stepSeconds the length of one step
   * @param streams where the {@code prices/<asset>} streams come from
   */
  public FundamentalPrices(
      List<AssetId> assets,
      List<PriceProcessSpec> specs,
      double[][] correlation,
      double stepSeconds,
      RandomStreams streams) {
    this.assets = List.copyOf(assets);
    int n = this.assets.size();
    if (specs.size() != n || correlation.length != n) {
      throw new IllegalArgumentException("one price spec and one correlation row per asset");
    }
    this.specs = specs.toArray(new PriceProcessSpec[0]);
    this.streams = new RandomStream[n];
    this.prices = new double[n];
    this.z = new double[n];
    for (int i = 0; i < n; i++) {
      this.streams[i] = streams.stream("prices/" + this.assets.get(i).value());
      this.prices[i] = this.specs[i].initialPrice();
    }
    this.cholesky =
        n == 0
            ? MatrixUtils.createRealMatrix(1, 1)
            : new CholeskyDecomposition(MatrixUtils.createRealMatrix(correlation)).getL();
    this.dtYears = stepSeconds / (365.0 * 24 * 3600);
  }

  /** The identity correlation matrix of size {@code n}. */
  public static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  /** The assets, in order. */
  public List<AssetId> assets() {
    return assets;
  }

  /** The current fundamental price of asset {@code i}. */
  public double price(int i) {
    return prices[i];
  }

  /** The index of {@code asset}, or -1. */
  public int indexOf(AssetId asset) {
    return assets.indexOf(Objects.requireNonNull(asset));
  }

  /** Advances every price by one step. */
  public void advance() {
    int n = assets.size();
    for (int i = 0; i < n; i++) {
      z[i] = streams[i].nextStandardNormal();
    }
    for (int i = 0; i < n; i++) {
      double w = 0;
      for (int j = 0; j <= i; j++) {
        w += cholesky.getEntry(i, j) * z[j];
      }
      PriceProcessSpec s = specs[i];
      double sigma = s.volatility();
      double logReturn = (s.drift() - 0.5 * sigma * sigma) * dtYears + sigma * StrictMath.sqrt(dtYears) * w;
      if (s.jumps().isPresent()) {
        logReturn += jump(s.jumps().get(), streams[i]);
      }
      prices[i] *= StrictMath.exp(logReturn);
    }
  }

  /** Multiplies the price of asset {@code i} by {@code factor} (scheduled shocks). */
  public void scale(int i, double factor) {
    prices[i] *= factor;
  }

  private double jump(JumpSpec jump, RandomStream stream) {
    double mean = jump.intensityPerYear() * dtYears;
    int count = poissonQuantile(stream.nextUniform(), mean);
    double normal = stream.nextStandardNormal();
    double compensator = -jump.intensityPerYear() * jump.meanRelativeJump() * dtYears;
    if (count == 0) {
      return compensator;
    }
    return compensator + count * jump.meanLogJump() + StrictMath.sqrt(count) * jump.sdLogJump() * normal;
  }

  /** Inverse CDF of Poisson({@code mean}) by summing the pmf. */
  static int poissonQuantile(double u, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double p = StrictMath.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
}
