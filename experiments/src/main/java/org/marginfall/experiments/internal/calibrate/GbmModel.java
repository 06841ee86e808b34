package org.marginfall.experiments.internal.calibrate;

import org.apache.commons.math3.special.Erf;

/**
 * Geometric Brownian motion's log-returns over a step of {@code dt} years: {@code N((mu -
 * sigma^2/2) dt, sigma^2 dt)}, with {@code theta = (mu, sigma)} — the process {@code
 * FundamentalPrices} simulates (Black and Scholes 1973). Immutable.
 */
record GbmModel(double dt) implements ReturnModel {

  static final double LOG_SQRT_2PI = 0.5 * StrictMath.log(2 * StrictMath.PI);

  @Override
  public String[] names() {
    return new String[] {"drift", "volatility"};
  }

  @Override
  public double logDensity(double r, double[] theta) {
    double sigma = theta[1];
    if (!(sigma > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    double mean = (theta[0] - 0.5 * sigma * sigma) * dt;
    double sd = sigma * StrictMath.sqrt(dt);
    double z = (r - mean) / sd;
    return -LOG_SQRT_2PI - StrictMath.log(sd) - 0.5 * z * z;
  }

  @Override
  public double cdf(double r, double[] theta) {
    double sigma = theta[1];
    double mean = (theta[0] - 0.5 * sigma * sigma) * dt;
    return normalCdf((r - mean) / (sigma * StrictMath.sqrt(dt)));
  }

  /** The maximum-likelihood estimate in closed form: the returns' mean and (1/n) variance. */
  double[] closedForm(double[] returns) {
    double m = 0;
    for (double r : returns) {
      m += r;
    }
    m /= returns.length;
    double v = 0;
    for (double r : returns) {
      v += (r - m) * (r - m);
    }
    v /= returns.length;
    double sigma = StrictMath.sqrt(v / dt);
    return new double[] {m / dt + 0.5 * sigma * sigma, sigma};
  }

  static double normalCdf(double z) {
    return 0.5 * Erf.erfc(-z / StrictMath.sqrt(2));
  }
}
