package org.marginfall.experiments.internal.calibrate;

/**
 * A model of i.i.d. per-step log-returns with natural parameters {@code theta}: its density and
 * distribution function, so that one likelihood, one numerical Hessian and one goodness-of-fit test
 * serve every model. Stateless.
 */
interface ReturnModel {

  /** The parameters' scenario field names, in {@code theta} order. */
  String[] names();

  /** The log density of return {@code r} under {@code theta}; -infinity outside the support. */
  double logDensity(double r, double[] theta);

  /** The distribution function at {@code r} under {@code theta}. */
  double cdf(double r, double[] theta);

  /** The log-likelihood of {@code returns}. */
  default double logLikelihood(double[] returns, double[] theta) {
    double s = 0;
    for (double r : returns) {
      s += logDensity(r, theta);
    }
    return s;
  }
}
