package org.marginfall.protocols.perp.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.marginfall.core.asset.AssetId;

/**
 * Value-at-risk portfolio margin: the maintenance requirement is the loss of the whole portfolio
 * that is exceeded with probability {@code 1 - confidence} over {@code horizonSteps} steps (or the
 * mean loss beyond it, expected shortfall), floored at 0.
 *
 * <pre>
 * historical: L_t  = -sum_i w_i (exp(r_i,t * sqrt(h)) - 1),  t over the last windowSteps one-step log-returns
 *             VaR  = the ceil(N * c)-th smallest L_t (Commons Math Percentile, estimation type R_1)
 *             ES   = mean of the L_t >= VaR
 * parametric: sigma = sqrt(h * wᵀ Σ w),  VaR = z_c * sigma,  ES = sigma * phi(z_c) / (1 - c)
 * maintenance = max(0, VaR or ES),  initial = maintenance * initialToMaintenance
 * </pre>
 *
 * where {@code w_i = size_i * P_i} are the signed notionals at the current marks. Source: the
 * standard historical-simulation and delta-normal VaR used for risk-based margin (Binance Portfolio
 * Margin and Deribit portfolio margin stress the whole account, shared/reference/venues.md sections
 * 6.3 and 7); the venue documents fix no VaR parameters, so confidence, horizon, window and ratio
 * are scenario choices. Simplifications: one-step returns are scaled to the horizon by {@code
 * sqrt(h)} (independent returns) instead of overlapping h-step returns; the parametric model
 * assumes zero mean and is linear in log-returns (delta-normal). Immutable and thread-safe.
 *
 * @param confidence the confidence level c, in (0.5, 1)
 * @param horizonSteps the horizon h in steps, {@code >= 1}
 * @param estimator historical or parametric
 * @param windowSteps the number of past one-step returns read, {@code >= 2}; 0 when a covariance
 *     is given
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

  /** How the distribution of the portfolio loss is obtained. */
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

  /** Which tail amount is the requirement. */
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
      throw new IllegalArgumentException("volatility: a given covariance needs estimator parametric");
    }
    if (covariance.isPresent() && windowSteps != 0) {
      throw new IllegalArgumentException("windowSteps: not used when the covariance is given, was " + windowSteps);
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

  /** The marks the venue's window must hold: {@code windowSteps + 1}, or 0 for a given covariance. */
  public int marksNeeded() {
    return covariance.isPresent() ? 0 : windowSteps + 1;
  }

  @Override
  public boolean covers(Portfolio portfolio) {
    for (Position p : portfolio.positions()) {
      if (p.size() == 0) {
        continue;
      }
      boolean ok = covariance.isPresent()
          ? covariance.get().assets().contains(p.asset())
          : portfolio.history().tracks(p.asset()) && portfolio.history().size() >= marksNeeded();
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
    if (!covers(portfolio)) {
      throw new IllegalArgumentException(
          "history: the model needs " + marksNeeded() + " marks of every position's asset, the window holds "
              + portfolio.history().size() + " marks of " + portfolio.history().assets());
    }
    VarBreakdown b;
    if (exposure.isEmpty()) {
      b = new VarBreakdown(estimator, measure, 0, 0, 0, estimator == Estimator.PARAMETRIC ? 0 : Double.NaN);
    } else if (estimator == Estimator.HISTORICAL) {
      b = historical(exposure, portfolio.history());
    } else {
      ReturnCovariance cov = covariance.orElseGet(
          () -> ReturnCovariance.estimate(List.copyOf(exposure.keySet()), portfolio.history(), windowSteps));
      b = parametric(exposure, cov, covariance.isPresent() ? 0 : windowSteps);
    }
    double amount = measure == Measure.VAR ? b.valueAtRisk() : b.expectedShortfall();
    double maintenance = Math.max(0, amount);
    return new MarginRequirement(maintenance * initialToMaintenance, maintenance, b);
  }

  /**
   * The portfolio's loss replayed over each of the last {@code windowSteps} one-step log-returns,
   * scaled to the horizon by {@code sqrt(h)} and revalued exactly ({@code exp(r) - 1}), oldest first.
   */
  public double[] historicalLosses(Map<AssetId, Double> exposure, PriceHistory history) {
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

  private VarBreakdown historical(Map<AssetId, Double> exposure, PriceHistory history) {
    double[] losses = historicalLosses(exposure, history);
    // R_1 is the inverse of the empirical distribution function: the ceil(N * c)-th smallest loss.
    Percentile percentile = new Percentile()
        .withEstimationType(Percentile.EstimationType.R_1)
        .withNaNStrategy(NaNStrategy.FAILED);
    double var = percentile.evaluate(losses, 100 * confidence);
    List<Double> tail = new ArrayList<>();
    for (double l : losses) {
      if (l >= var) {
        tail.add(l);
      }
    }
    double sum = 0;
    for (double l : tail) {
      sum += l;
    }
    return new VarBreakdown(estimator, measure, var, sum / tail.size(), windowSteps, Double.NaN);
  }

  private VarBreakdown parametric(Map<AssetId, Double> exposure, ReturnCovariance cov, int observations) {
    double sigma = StrictMath.sqrt(horizonSteps * cov.variance(exposure));
    double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    double var = z * sigma;
    double es = sigma * STANDARD_NORMAL.density(z) / (1 - confidence);
    return new VarBreakdown(estimator, measure, var, es, observations, sigma);
  }
}
