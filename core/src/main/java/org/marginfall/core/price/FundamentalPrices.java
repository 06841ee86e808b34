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
 * <p>Per step and asset i: {@code ln S' = ln S + (mu - sigma^2/2 - lambda*k) dt + sigma sqrt(dt)
 * w_i + J_i}, with {@code w = L z} ({@code L} the Cholesky factor of the correlation matrix, {@code
 * z} independent standard normals), {@code k = E[e^J] - 1} the jump compensator, and {@code J_i}
 * the sum of a Poisson({@code lambda dt}) number of N(m, s^2) jumps, drawn as one count and one
 * normal (a sum of n normals is N(n m, n s^2)). Sources: Black and Scholes (1973); Merton (1976),
 * J. Financial Economics 3:125-144. Each asset draws from its own stream {@code prices/<asset>} by
 * inversion, a fixed number of uniforms per step, so the path depends on nothing but the price
 * specs and the seed.
 *
 * <p>Historical assets ({@link HistoricalPrices}) take their step's log-return {@code r} from the
 * replayed path or from a block bootstrap ({@link BlockBootstrap}, two uniforms a step from their
 * own stream; a replay draws nothing). Their standardised return {@code u = r / s} ({@code s} the
 * realised volatility per step of their returns, {@link HistoricalPrices#returnScale}) stands in
 * for their diffusion shock, and the simulated assets' shocks are drawn conditionally on it: with
 * the historical assets ordered first, {@code w = L' z'} where {@code L'} is the Cholesky factor of
 * the reordered correlation matrix and {@code z'} holds the historical {@code u} then the simulated
 * assets' own normals, so {@code w_sim | u ~ N(R_sh u, R_ss - R_sh R_sh^T)} (the Gaussian
 * conditional; historical assets are uncorrelated with each other by the reader's rule, so their
 * block of {@code L'} is the identity). A world without historical assets takes the plain path
 * above. Mutable and not thread-safe.
 */
public final class FundamentalPrices {

  private final List<AssetId> assets;
  private final PriceProcessSpec[] specs;
  private final RandomStream[] streams;
  private final RealMatrix cholesky;
  private final double dtYears;
  private final double[] prices;
  private final double[] z;

  /** Null when no asset is historical; otherwise the process's historical state. */
  private final Conditioning conditioning;

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
    boolean historical = false;
    for (int i = 0; i < n; i++) {
      boolean replay = this.specs[i].history().orElse(null) instanceof ReplayPath;
      // A replay draws nothing, so it takes no stream (and none appears in the manifest).
      this.streams[i] = replay ? null : streams.stream("prices/" + this.assets.get(i).value());
      this.prices[i] = this.specs[i].initialPrice();
      historical |= this.specs[i].history().isPresent();
    }
    this.cholesky =
        n == 0 || historical
            ? MatrixUtils.createRealMatrix(1, 1)
            : new CholeskyDecomposition(MatrixUtils.createRealMatrix(correlation)).getL();
    this.dtYears = stepSeconds / (365.0 * 24 * 3600);
    this.conditioning = historical ? new Conditioning(this.specs, correlation) : null;
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
    if (conditioning != null) {
      conditioning.advance();
      return;
    }
    int n = assets.size();
    for (int i = 0; i < n; i++) {
      z[i] = streams[i].nextStandardNormal();
    }
    for (int i = 0; i < n; i++) {
      double w = 0;
      for (int j = 0; j <= i; j++) {
        w += cholesky.getEntry(i, j) * z[j];
      }
      prices[i] *= StrictMath.exp(simulatedReturn(i, w));
    }
  }

  /**
   * The log-return of simulated asset {@code i} for diffusion shock {@code w}, with its jumps
   * drawn.
   */
  private double simulatedReturn(int i, double w) {
    PriceProcessSpec s = specs[i];
    double sigma = s.volatility();
    double logReturn =
        (s.drift() - 0.5 * sigma * sigma) * dtYears + sigma * StrictMath.sqrt(dtYears) * w;
    if (s.jumps().isPresent()) {
      logReturn += jump(s.jumps().get(), streams[i]);
    }
    return logReturn;
  }

  /** Multiplies the price of asset {@code i} by {@code factor} (scheduled shocks). */
  public void scale(int i, double factor) {
    prices[i] *= factor;
    if (conditioning != null) {
      conditioning.shockFactor[i] *= factor;
    }
  }

  /** The state of a process with historical assets; see the class comment. */
  private final class Conditioning {

    private final int[] order;
    private final int historicalCount;
    private final double[][] lower;
    private final BlockBootstrap[] bootstraps;

    /**
     * The product of the shock factors applied to each asset so far (replays are rebuilt from it).
     */
    private final double[] shockFactor;

    private final double[] shocks;
    private int step;

    Conditioning(PriceProcessSpec[] specs, double[][] correlation) {
      int n = specs.length;
      order = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (specs[i].history().isPresent()) {
          order[k++] = i;
        }
      }
      historicalCount = k;
      for (int i = 0; i < n; i++) {
        if (specs[i].history().isEmpty()) {
          order[k++] = i;
        }
      }
      for (int a = 0; a < historicalCount; a++) {
        for (int b = 0; b < a; b++) {
          if (correlation[order[a]][order[b]] != 0) {
            throw new IllegalArgumentException(
                "correlation: two historical assets ("
                    + assets.get(order[a])
                    + ", "
                    + assets.get(order[b])
                    + ") take their co-movement from their data, not from a correlation");
          }
        }
      }
      double[][] permuted = new double[n][n];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          permuted[a][b] = correlation[order[a]][order[b]];
        }
      }
      lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(permuted)).getL().getData();
      bootstraps = new BlockBootstrap[n];
      for (int i = 0; i < n; i++) {
        if (specs[i].history().orElse(null) instanceof ReturnBootstrap b) {
          bootstraps[i] = new BlockBootstrap(b);
        }
      }
      shockFactor = new double[n];
      java.util.Arrays.fill(shockFactor, 1.0);
      shocks = new double[n];
    }

    void advance() {
      step++;
      int n = order.length;
      for (int a = 0; a < historicalCount; a++) {
        int i = order[a];
        HistoricalPrices h = specs[i].history().get();
        double r;
        if (h instanceof ReplayPath path) {
          if (step > path.steps()) {
            throw new IllegalStateException(
                "the replay of " + assets.get(i) + " covers " + path.steps() + " steps");
          }
          r = StrictMath.log(path.price(step) / path.price(step - 1));
          prices[i] = path.price(step) * shockFactor[i];
        } else {
          r = bootstraps[i].next(streams[i]);
          prices[i] *= StrictMath.exp(r);
        }
        shocks[a] = h.standardised(r);
      }
      // Simulated assets draw their normals in scenario order, as in the plain path.
      for (int a = historicalCount; a < n; a++) {
        z[order[a]] = streams[order[a]].nextStandardNormal();
      }
      for (int a = historicalCount; a < n; a++) {
        shocks[a] = z[order[a]];
      }
      for (int i = 0; i < n; i++) {
        if (specs[i].history().isPresent()) {
          continue;
        }
        int a = indexInOrder(i);
        double w = 0;
        for (int b = 0; b <= a; b++) {
          w += lower[a][b] * shocks[b];
        }
        prices[i] *= StrictMath.exp(simulatedReturn(i, w));
      }
    }

    private int indexInOrder(int i) {
      for (int a = 0; a < order.length; a++) {
        if (order[a] == i) {
          return a;
        }
      }
      throw new IllegalStateException("asset " + i + " is not ordered");
    }
  }

  private double jump(JumpSpec jump, RandomStream stream) {
    double mean = jump.intensityPerYear() * dtYears;
    int count = poissonQuantile(stream.nextUniform(), mean);
    double normal = stream.nextStandardNormal();
    double compensator = -jump.intensityPerYear() * jump.meanRelativeJump() * dtYears;
    if (count == 0) {
      return compensator;
    }
    return compensator
        + count * jump.meanLogJump()
        + StrictMath.sqrt(count) * jump.sdLogJump() * normal;
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
