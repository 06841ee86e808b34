package org.marginfall.experiments.internal.calibrate;

/**
 * Merton's jump-diffusion log-returns over a step of {@code dt} years, with {@code theta = (mu,
 * sigma, lambda, m, delta)}: a Poisson({@code lambda dt}) number {@code k} of N({@code m}, {@code
 * delta^2}) log-jumps on top of the compensated diffusion, so the density is the Poisson mixture
 * {@code sum_k p_k N(a + k m, sigma^2 dt + k delta^2)} with {@code a = (mu - sigma^2/2 - lambda
 * kappa) dt} and {@code kappa = e^(m + delta^2/2) - 1} — the process {@code FundamentalPrices}
 * simulates. Source: Merton (1976), J. Financial Economics 3:125-144; the mixture likelihood as in
 * Press (1967), J. Business 40:317-335. The sum stops once the Poisson tail is below 10^-12.
 * Immutable.
 */
record MertonModel(double dt) implements ReturnModel {

  @Override
  public String[] names() {
    return new String[] {"drift", "volatility", "intensityPerYear", "meanLogJump", "sdLogJump"};
  }

  @Override
  public double logDensity(double r, double[] theta) {
    double sigma = theta[1];
    double lambda = theta[2];
    double delta = theta[4];
    if (!(sigma > 0) || !(lambda >= 0) || !(delta > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    double a = drift(theta);
    double mean = lambda * dt;
    double p = StrictMath.exp(-mean);
    double cumulative = 0;
    double density = 0;
    for (int k = 0; k < 200 && cumulative < 1 - 1e-12; k++) {
      if (k > 0) {
        p *= mean / k;
      }
      cumulative += p;
      double var = sigma * sigma * dt + k * delta * delta;
      double z = (r - a - k * theta[3]) / StrictMath.sqrt(var);
      density += p * StrictMath.exp(-0.5 * z * z) / StrictMath.sqrt(2 * StrictMath.PI * var);
    }
    return density > 0 ? StrictMath.log(density) : -1e300;
  }

  @Override
  public double cdf(double r, double[] theta) {
    double sigma = theta[1];
    double lambda = theta[2];
    double delta = theta[4];
    double a = drift(theta);
    double mean = lambda * dt;
    double p = StrictMath.exp(-mean);
    double cumulative = 0;
    double f = 0;
    for (int k = 0; k < 200 && cumulative < 1 - 1e-12; k++) {
      if (k > 0) {
        p *= mean / k;
      }
      cumulative += p;
      double sd = StrictMath.sqrt(sigma * sigma * dt + k * delta * delta);
      f += p * GbmModel.normalCdf((r - a - k * theta[3]) / sd);
    }
    return f;
  }

  private double drift(double[] theta) {
    double kappa = StrictMath.exp(theta[3] + 0.5 * theta[4] * theta[4]) - 1;
    return (theta[0] - 0.5 * theta[1] * theta[1] - theta[2] * kappa) * dt;
  }
}
