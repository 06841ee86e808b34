package org.marginfall.experiments.internal.calibrate;

import java.util.List;

/**
 * A fitted model and how well it fits.
 *
 * @param model {@code gbm} or {@code merton}
 * @param estimates the parameters, in scenario-field order (drift, volatility, then the jump ones)
 * @param logLikelihood the maximised log-likelihood of the returns
 * @param aic Akaike's information criterion, {@code 2k - 2 lnL}
 * @param ksStatistic the Kolmogorov-Smirnov distance of the probability-integral transforms from
 *     uniform
 * @param ksPValue its p-value (small: the model does not describe the returns)
 * @param returns the number of returns fitted
 */
public record Fit(
    String model,
    List<Estimate> estimates,
    double logLikelihood,
    double aic,
    double ksStatistic,
    double ksPValue,
    int returns) {

  /** Copies the estimates. */
  public Fit {
    estimates = List.copyOf(estimates);
  }

  /** The estimate named {@code name}. */
  public Estimate estimate(String name) {
    return estimates.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no estimate " + name));
  }
}
