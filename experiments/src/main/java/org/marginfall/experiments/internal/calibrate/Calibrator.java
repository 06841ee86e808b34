package org.marginfall.experiments.internal.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Fits GBM and Merton jump-diffusion parameters to per-step log-returns by maximum likelihood.
 *
 * <p>GBM's estimate is in closed form. Merton's is found by Nelder-Mead (Commons Math) on {@code
 * (mu, ln sigma, ln lambda, m, ln delta)}, restarted from its own optimum until the likelihood
 * stops improving, from moment starting values: {@code sigma} from the median absolute deviation,
 * jumps from the returns beyond four robust standard deviations. Standard errors are the square
 * roots of the diagonal of the inverse observed information, the numerical Hessian of the negative
 * log-likelihood at the estimate (central differences). Goodness of fit: log-likelihood, AIC, and a
 * Kolmogorov-Smirnov test of the probability-integral transforms {@code F(r_i)} against the uniform
 * (for GBM the same as testing the standardised residuals against the normal). Stateless.
 */
public final class Calibrator {

  private Calibrator() {}

  /** GBM fitted to {@code returns}, per-step log-returns over steps of {@code dtYears}. */
  public static Fit gbm(double[] returns, double dtYears) {
    check(returns, dtYears);
    GbmModel model = new GbmModel(dtYears);
    double[] theta = model.closedForm(returns);
    double[] typical = {
      theta[1] / StrictMath.sqrt(returns.length * dtYears) * 1e-2, theta[1] * 1e-3
    };
    return fit("gbm", model, returns, theta, typical);
  }

  /**
   * Merton's jump-diffusion fitted to {@code returns}, per-step log-returns over steps of {@code
   * dtYears}.
   */
  public static Fit merton(double[] returns, double dtYears) {
    check(returns, dtYears);
    MertonModel model = new MertonModel(dtYears);
    double[] start = start(returns, dtYears);
    double seMu = start[1] / StrictMath.sqrt(returns.length * dtYears);
    // x = ((mu - mu0) / seMu, ln sigma, ln lambda, (m - m0) / delta0, ln delta): steps of about one
    // each.
    double[] x0 = {
      0, StrictMath.log(start[1]), StrictMath.log(start[2]), 0, StrictMath.log(start[4])
    };
    java.util.function.Function<double[], double[]> theta =
        x ->
            new double[] {
              start[0] + x[0] * seMu,
              StrictMath.exp(x[1]),
              StrictMath.exp(x[2]),
              start[3] + x[3] * start[4],
              StrictMath.exp(x[4])
            };
    ObjectiveFunction objective =
        new ObjectiveFunction(
            x -> {
              double ll = model.logLikelihood(returns, theta.apply(x));
              return Double.isFinite(ll) ? -ll : Double.MAX_VALUE;
            });
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
    double[] best = x0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart < 8; restart++) {
      PointValuePair p =
          optimizer.optimize(
              new MaxEval(20_000),
              objective,
              GoalType.MINIMIZE,
              new InitialGuess(best),
              new NelderMeadSimplex(new double[] {1, 0.3, 0.5, 0.5, 0.3}));
      boolean improved = p.getValue() < bestValue - 1e-9;
      if (p.getValue() < bestValue) {
        best = p.getPoint();
        bestValue = p.getValue();
      }
      if (!improved && restart > 0) {
        break;
      }
    }
    double[] t = theta.apply(best);
    double[] typical = {
      seMu * 1e-2, t[1] * 1e-3, t[2] * 1e-3, Math.max(Math.abs(t[3]), t[4]) * 1e-3, t[4] * 1e-3
    };
    return fit("merton", model, returns, t, typical);
  }

  /** Starting values {@code (mu, sigma, lambda, m, delta)} from robust moments. */
  static double[] start(double[] returns, double dt) {
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double[] deviations = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      deviations[i] = Math.abs(returns[i] - median);
    }
    Arrays.sort(deviations);
    double robust = Math.max(1.4826 * deviations[deviations.length / 2], 1e-12);
    List<Double> jumps = new ArrayList<>();
    double sum = 0;
    for (double r : returns) {
      sum += r;
      if (Math.abs(r - median) > 4 * robust) {
        jumps.add(r - median);
      }
    }
    double lambda = Math.max(jumps.size(), 1) / (returns.length * dt);
    double m = jumps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double v = jumps.stream().mapToDouble(j -> (j - m) * (j - m)).average().orElse(0);
    double delta = Math.max(StrictMath.sqrt(v), 3 * robust);
    double sigma = robust / StrictMath.sqrt(dt);
    return new double[] {sum / returns.length / dt + 0.5 * sigma * sigma, sigma, lambda, m, delta};
  }

  private static Fit fit(
      String name, ReturnModel model, double[] returns, double[] theta, double[] steps) {
    double ll = model.logLikelihood(returns, theta);
    double[] se = standardErrors(model, returns, theta, steps);
    List<Estimate> estimates = new ArrayList<>();
    String[] names = model.names();
    for (int i = 0; i < names.length; i++) {
      estimates.add(new Estimate(names[i], theta[i], se[i]));
    }
    double[] pit = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      pit[i] = Math.min(1, Math.max(0, model.cdf(returns[i], theta)));
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    UniformRealDistribution uniform = new UniformRealDistribution(0, 1);
    double d = ks.kolmogorovSmirnovStatistic(uniform, pit);
    double p = ks.kolmogorovSmirnovTest(uniform, pit, false);
    return new Fit(name, estimates, ll, 2 * theta.length - 2 * ll, d, p, returns.length);
  }

  /**
   * Square roots of the diagonal of the inverse numerical Hessian of -lnL; NaN where it is not
   * positive definite.
   */
  static double[] standardErrors(ReturnModel model, double[] returns, double[] theta, double[] h) {
    int k = theta.length;
    double[][] hessian = new double[k][k];
    double f0 = -model.logLikelihood(returns, theta);
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double value;
        if (i == j) {
          value =
              (f(model, returns, theta, i, h[i], i, 0)
                      - 2 * f0
                      + f(model, returns, theta, i, -h[i], i, 0))
                  / (h[i] * h[i]);
        } else {
          value =
              (f(model, returns, theta, i, h[i], j, h[j])
                      - f(model, returns, theta, i, h[i], j, -h[j])
                      - f(model, returns, theta, i, -h[i], j, h[j])
                      + f(model, returns, theta, i, -h[i], j, -h[j]))
                  / (4 * h[i] * h[j]);
        }
        hessian[i][j] = value;
        hessian[j][i] = value;
      }
    }
    double[] se = new double[k];
    Arrays.fill(se, Double.NaN);
    try {
      RealMatrix inverse =
          new LUDecomposition(MatrixUtils.createRealMatrix(hessian)).getSolver().getInverse();
      for (int i = 0; i < k; i++) {
        double v = inverse.getEntry(i, i);
        se[i] = v > 0 ? StrictMath.sqrt(v) : Double.NaN;
      }
    } catch (SingularMatrixException e) {
      // The information is singular (a parameter the data do not identify): every error stays NaN.
    }
    return se;
  }

  private static double f(
      ReturnModel model, double[] returns, double[] theta, int i, double di, int j, double dj) {
    double[] t = theta.clone();
    t[i] += di;
    t[j] += dj;
    return -model.logLikelihood(returns, t);
  }

  private static void check(double[] returns, double dtYears) {
    if (returns.length < 10) {
      throw new IllegalArgumentException(
          "a fit needs at least 10 returns, the window holds " + returns.length);
    }
    if (!(dtYears > 0)) {
      throw new IllegalArgumentException("the step must be positive, was " + dtYears + " years");
    }
  }
}
