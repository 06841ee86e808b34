package org.marginfall.protocols.perp.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.marginfall.core.asset.AssetId;

/**
 * Value-at-risk portfolio margin: the maintenance requirement is the loss of the whole portfolio
 * that is exceeded with probability {@code 1 - confidence} over {@code horizonSteps} steps (or the
 * mean loss beyond it, expected shortfall), floored at 0.
 *
 * <pre>
 * historical: L_t  = -sum_i w_i (exp(r_i,t * sqrt(h)) - 1),  t over the last windowSteps one-step log-returns
 *             VaR  = the k-th smallest L_t, k = ceil(N * c) (inverse empirical CDF; R's type 1)
 *             ES   = mean of the N - k + 1 largest L_t
 * parametric: sigma = sqrt(h * wᵀ Σ w),  VaR = z_c * sigma,  ES = sigma * phi(z_c) / (1 - c)
 * maintenance = max(0, VaR or ES),  initial = maintenance * initialToMaintenance
 * </pre>
 *
 * where {@code w_i = size_i * P_i} are the signed notionals at the current marks. No venue among
 * the sources (docs/sources.md) publishes a VaR margin, so the estimators are the standard
 * historical-simulation and delta-normal (variance-covariance) VaR, and confidence, horizon, window
 * and ratio are scenario choices without documented values. Simplifications: one-step returns are
 * scaled to the horizon by {@code sqrt(h)} (independent returns) instead of overlapping h-step
 * returns; the parametric model assumes zero mean and is linear in log-returns (delta-normal),
 * while the historical one revalues exactly. Immutable and thread-safe.
 *
 * @param confidence the confidence level c, in (0.5, 1)
 * @param horizonSteps the horizon h in steps, {@code >= 1}
 * @param estimator historical or parametric
 * @param windowSteps the number of past one-step returns read, {@code >= 2}; 0 when a covariance is
 *     given
 * @param covariance a given covariance of one-step log-returns (parametric only); empty to estimate
 * @param measure which amount is the requirement
 * @param initialToMaintenance initial / maintenance ratio, {@code >= 1}
 */
public record ValueAtRisk(
    double confidence,
    int horizonSteps,
    Estimator estimator,
    int windowSteps,
    Optional<ReturnCovariance> covariance,
    Measure measure,
    double initialToMaintenance)
    implements PortfolioMarginModel {

  /** How the distribution of the portfolio loss is obtained. Immutable and thread-safe. */
  public enum Estimator {
    /** The empirical distribution of the loss replayed over past price changes. */
    HISTORICAL,
    /** A normal distribution from a covariance of log-returns. */
    PARAMETRIC;

    /** The scenario-file name. */
    public String scenarioName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which tail amount is the requirement. Immutable and thread-safe. */
  public enum Measure {
    /** The loss quantile. */
    VAR("var"),
    /** The mean loss at or beyond the quantile. */
    EXPECTED_SHORTFALL("expectedShortfall");

    private final String scenarioName;

    Measure(String scenarioName) {
      this.scenarioName = scenarioName;
    }

    /** The scenario-file name. */
    public String scenarioName() {
      return scenarioName;
    }
  }

  /** The standard normal, for quantiles and densities only (never sampled, so no generator). */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Validates the parameters and their combination. */
  public ValueAtRisk {
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(covariance, "covariance");
    Objects.requireNonNull(measure, "measure");
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence: must be in (0.5, 1), was " + confidence);
    }
    if (horizonSteps < 1) {
      throw new IllegalArgumentException("horizonSteps: must be >= 1, was " + horizonSteps);
    }
    if (covariance.isPresent() && estimator != Estimator.PARAMETRIC) {
      throw new IllegalArgumentException(
          "volatility: a given covariance needs estimator parametric");
    }
    if (covariance.isPresent() && windowSteps != 0) {
      throw new IllegalArgumentException(
          "windowSteps: not used when the covariance is given, was " + windowSteps);
    }
    if (covariance.isEmpty() && windowSteps < 2) {
      throw new IllegalArgumentException("windowSteps: must be >= 2, was " + windowSteps);
    }
    if (!(initialToMaintenance >= 1) || !Double.isFinite(initialToMaintenance)) {
      throw new IllegalArgumentException(
          "initialToMaintenance: must be a finite number >= 1, was " + initialToMaintenance);
    }
  }

  @Override
  public String method() {
    return "var";
  }

  /**
   * The marks the venue's window must hold: {@code windowSteps + 1}, or 0 for a given covariance.
   */
  public int marksNeeded() {
    return covariance.isPresent() ? 0 : windowSteps + 1;
  }

  @Override
  public boolean covers(Portfolio portfolio) {
    for (Position p : portfolio.positions()) {
      if (p.size() == 0) {
        continue;
      }
      boolean ok =
          covariance.isPresent()
              ? covariance.get().assets().contains(p.asset())
              : portfolio.history().tracks(p.asset())
                  && portfolio.history().size() >= marksNeeded();
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public MarginRequirement requirement(Portfolio portfolio) {
    Map<AssetId, Double> exposure = new LinkedHashMap<>();
    for (Position p : portfolio.positions()) {
      if (p.size() != 0) {
        exposure.put(p.asset(), p.notional());
      }
    }
    if (!covers(portfolio) && covariance.isPresent()) {
      throw new IllegalArgumentException(
          "positions: an asset is not covered by the given covariance (covered: "
              + covariance.get().assets()
              + ")");
    }
    if (!covers(portfolio)) {
      throw new IllegalArgumentException(
          "history: the model needs "
              + marksNeeded()
              + " marks of every position's asset, the window holds "
              + portfolio.history().size()
              + " marks of "
              + portfolio.history().assets());
    }
    VarBreakdown b;
    if (exposure.isEmpty()) {
      b =
          new VarBreakdown(
              estimator, measure, 0, 0, 0, estimator == Estimator.PARAMETRIC ? 0 : Double.NaN);
    } else if (estimator == Estimator.HISTORICAL) {
      b = historical(exposure, portfolio.history());
    } else {
      ReturnCovariance cov =
          covariance.orElseGet(
              () ->
                  ReturnCovariance.estimate(
                      List.copyOf(exposure.keySet()), portfolio.history(), windowSteps));
      b = parametric(exposure, cov, covariance.isPresent() ? 0 : windowSteps);
    }
    double amount = measure == Measure.VAR ? b.valueAtRisk() : b.expectedShortfall();
    double maintenance = Math.max(0, amount);
    return new MarginRequirement(maintenance * initialToMaintenance, maintenance, b);
  }

  /**
   * The portfolio's loss replayed over each of the last {@code windowSteps} one-step log-returns,
   * scaled to the horizon by {@code sqrt(h)} and revalued exactly ({@code exp(r) - 1}), oldest
   * first.
   */
  public double[] historicalLosses(Map<AssetId, Double> exposure, PriceHistory history) {
    if (covariance.isPresent() || history.size() < marksNeeded()) {
      throw new IllegalArgumentException(
          "history: replaying losses needs "
              + (windowSteps + 1)
              + " marks and no given covariance, the window holds "
              + history.size());
    }
    double scale = StrictMath.sqrt(horizonSteps);
    double[] losses = new double[windowSteps];
    for (Map.Entry<AssetId, Double> e : exposure.entrySet()) {
      double[] r = history.logReturns(e.getKey());
      for (int t = 0; t < windowSteps; t++) {
        losses[t] -= e.getValue() * StrictMath.expm1(r[r.length - windowSteps + t] * scale);
      }
    }
    return losses;
  }

  /**
   * The rank {@code k = ceil(N * c)} of the VaR among the losses sorted ascending (1-based), in
   * exact decimal arithmetic: the inverse of the empirical distribution function. Commons Math's
   * {@code Percentile} with estimation type R_1 defines the same rank but computes {@code N * c} in
   * binary floating point, which gives 1000 instead of 999 for {@code c = 0.999, N = 1000}.
   */
  public static int quantileRank(double confidence, int n) {
    return new BigDecimal(Double.toString(confidence))
        .multiply(BigDecimal.valueOf(n))
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  private VarBreakdown historical(Map<AssetId, Double> exposure, PriceHistory history) {
    double[] sorted = historicalLosses(exposure, history);
    Arrays.sort(sorted);
    int k = quantileRank(confidence, sorted.length);
    double var = sorted[k - 1];
    // ES: the mean of the N - k + 1 largest losses, the VaR's own rank included.
    double sum = 0;
    for (int i = k - 1; i < sorted.length; i++) {
      sum += sorted[i];
    }
    return new VarBreakdown(
        estimator, measure, var, sum / (sorted.length - k + 1), windowSteps, Double.NaN);
  }

  private VarBreakdown parametric(
      Map<AssetId, Double> exposure, ReturnCovariance cov, int observations) {
    double sigma = StrictMath.sqrt(horizonSteps * cov.variance(exposure));
    double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    double var = z * sigma;
    double es = sigma * STANDARD_NORMAL.density(z) / (1 - confidence);
    return new VarBreakdown(estimator, measure, var, es, observations, sigma);
  }
}
