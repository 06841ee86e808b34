package org.marginfall.protocols.perp.portfolio;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * The covariance matrix of one-step log-returns of a list of assets, given from volatilities and
 * correlations ({@code Σ_ij = ρ_ij σ_i σ_j}) or estimated from a price window with Commons Math's
 * unbiased (n - 1) sample covariance.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReturnCovariance {

  /** Tolerance for the positive semi-definite check, relative to the largest eigenvalue. */
  private static final double PSD_TOLERANCE = 1e-12;

  private final List<AssetId> assets;
  private final double[][] matrix;

  private ReturnCovariance(List<AssetId> assets, double[][] matrix) {
    this.assets = List.copyOf(assets);
    this.matrix = matrix;
    requirePositiveSemiDefinite(matrix);
  }

  /**
   * From per-step volatilities of log-returns and the correlation of every pair of assets.
   *
   * @param volatility per-step standard deviation of each asset's log-return, {@code > 0}, in order
   * @param correlations exactly one entry for every pair of the assets
   */
  public static ReturnCovariance of(
      Map<AssetId, Double> volatility, List<Correlation> correlations) {
    List<AssetId> a = List.copyOf(volatility.keySet());
    if (a.isEmpty()) {
      throw new IllegalArgumentException("volatility: must name at least one asset");
    }
    int n = a.size();
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      sigma[i] = Checks.positive(volatility.get(a.get(i)), "volatility");
    }
    for (Correlation c : correlations) {
      if (!a.contains(c.first()) || !a.contains(c.second())) {
        throw new IllegalArgumentException(
            "correlation: the pair "
                + c.first()
                + "/"
                + c.second()
                + " names an asset without a volatility");
      }
    }
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = sigma[i] * sigma[i];
      for (int j = i + 1; j < n; j++) {
        double rho = rho(correlations, a.get(i), a.get(j));
        m[i][j] = rho * sigma[i] * sigma[j];
        m[j][i] = m[i][j];
      }
    }
    return new ReturnCovariance(a, m);
  }

  private static double rho(List<Correlation> correlations, AssetId x, AssetId y) {
    Correlation found = null;
    for (Correlation c : correlations) {
      if (c.pairs(x, y)) {
        if (found != null) {
          throw new IllegalArgumentException(
              "correlation: the pair " + x + "/" + y + " is listed twice");
        }
        found = c;
      }
    }
    if (found == null) {
      // An unstated correlation is not silently taken as 0: that would understate a hedged book's
      // risk.
      throw new IllegalArgumentException("correlation: missing the pair " + x + "/" + y);
    }
    return found.rho();
  }

  /**
   * Estimated from the last {@code returns} one-step log-returns of each asset in the window.
   *
   * @param assets the assets, tracked by the window
   * @param history the window, holding at least {@code returns + 1} marks
   * @param returns the number of returns used, {@code >= 2}
   */
  public static ReturnCovariance estimate(List<AssetId> assets, PriceHistory history, int returns) {
    if (returns < 2) {
      throw new IllegalArgumentException(
          "returns: a sample covariance needs >= 2 returns, was " + returns);
    }
    if (history.size() < returns + 1) {
      throw new IllegalArgumentException(
          "history: "
              + returns
              + " returns need "
              + (returns + 1)
              + " marks, the window holds "
              + history.size());
    }
    double[][] data = new double[returns][assets.size()];
    for (int j = 0; j < assets.size(); j++) {
      double[] r = history.logReturns(assets.get(j));
      for (int t = 0; t < returns; t++) {
        data[t][j] = r[r.length - returns + t];
      }
    }
    double[][] m;
    if (assets.size() == 1) {
      // Commons Math's Covariance needs two columns; the single variance uses the same n - 1 rule.
      double[] col = new double[returns];
      for (int t = 0; t < returns; t++) {
        col[t] = data[t][0];
      }
      m =
          new double[][] {
            {new org.apache.commons.math3.stat.descriptive.moment.Variance(true).evaluate(col)}
          };
    } else {
      m = new Covariance(data, true).getCovarianceMatrix().getData();
    }
    return new ReturnCovariance(assets, m);
  }

  private static void requirePositiveSemiDefinite(double[][] m) {
    if (m.length == 1) {
      if (!(m[0][0] >= 0)) {
        throw new IllegalArgumentException("covariance: a variance must be >= 0, was " + m[0][0]);
      }
      return;
    }
    double[] eigen =
        new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues();
    double max = Arrays.stream(eigen).max().orElse(0);
    double min = Arrays.stream(eigen).min().orElse(0);
    if (min < -PSD_TOLERANCE * Math.max(max, Double.MIN_NORMAL)) {
      throw new IllegalArgumentException(
          "correlation: the correlations do not form a valid (positive semi-definite) matrix; smallest eigenvalue "
              + min);
    }
  }

  /** The assets, in row order. */
  public List<AssetId> assets() {
    return assets;
  }

  /** The covariance of the one-step log-returns of {@code a} and {@code b}. */
  public double get(AssetId a, AssetId b) {
    return matrix[index(a)][index(b)];
  }

  /**
   * The variance {@code wᵀ Σ w} of the one-step PnL of base-currency exposures {@code w} (signed
   * notionals); assets absent from {@code exposure} have weight 0.
   */
  public double variance(Map<AssetId, Double> exposure) {
    double[] w = new double[assets.size()];
    for (Map.Entry<AssetId, Double> e : exposure.entrySet()) {
      w[index(e.getKey())] = e.getValue();
    }
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        v += w[i] * matrix[i][j] * w[j];
      }
    }
    // A PSD matrix gives v >= 0; rounding may leave a tiny negative, which is 0.
    return Math.max(0, v);
  }

  private int index(AssetId a) {
    int i = assets.indexOf(a);
    if (i < 0) {
      throw new IllegalArgumentException(
          "covariance: asset " + a + " is not covered (covered: " + assets + ")");
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnCovariance c
        && assets.equals(c.assets)
        && Arrays.deepEquals(matrix, c.matrix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(assets, Arrays.deepHashCode(matrix));
  }

  @Override
  public String toString() {
    return "ReturnCovariance[assets=" + assets + ", matrix=" + Arrays.deepToString(matrix) + "]";
  }
}
