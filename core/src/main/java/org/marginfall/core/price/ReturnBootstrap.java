package org.marginfall.core.price;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block bootstrap of historical per-step log-returns: each step's return is the next return of a
 * block of consecutive historical returns that starts at a uniformly drawn index, so fat tails and
 * volatility clustering within a block come from the data.
 *
 * <p>{@link Scheme#STATIONARY}: the stationary bootstrap of Politis and Romano (1994), J. American
 * Statistical Association 89:1303-1313 — block lengths are geometric with mean {@code blockSteps}.
 * {@link Scheme#FIXED}: the circular block bootstrap of Politis and Romano (1992) — every block has
 * exactly {@code blockSteps} returns. In both, a block that runs past the last return wraps to the
 * first. Immutable and thread-safe; the draws live in {@link BlockBootstrap}.
 *
 * @param logReturns the historical per-step log-returns (already at the scenario's step and scaled)
 * @param blockSteps the (mean) block length in steps, at least 1
 * @param scheme stationary or fixed blocks
 * @param returnScale the realised volatility per step of {@code logReturns}
 */
public record ReturnBootstrap(
    double[] logReturns, int blockSteps, Scheme scheme, double returnScale)
    implements HistoricalPrices {

  /** How blocks end. */
  public enum Scheme {
    /** Geometric block lengths with mean {@code blockSteps} (Politis and Romano 1994). */
    STATIONARY,
    /** Blocks of exactly {@code blockSteps} (circular block bootstrap). */
    FIXED
  }

  /** Validates and copies the returns. */
  public ReturnBootstrap {
    logReturns = logReturns.clone();
    Objects.requireNonNull(scheme, "scheme");
    if (logReturns.length < 2) {
      throw new IllegalArgumentException(
          "logReturns: a bootstrap needs at least two returns, has " + logReturns.length);
    }
    if (blockSteps < 1 || blockSteps > logReturns.length) {
      throw new IllegalArgumentException(
          "blockSteps: must be between 1 and the "
              + logReturns.length
              + " returns, was "
              + blockSteps);
    }
    for (double r : logReturns) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("logReturns: every return must be finite, found " + r);
      }
    }
  }

  /** The bootstrap of {@code logReturns}, with their own moments. */
  public static ReturnBootstrap of(double[] logReturns, int blockSteps, Scheme scheme) {
    return new ReturnBootstrap(logReturns, blockSteps, scheme, HistoricalPrices.rms(logReturns));
  }

  @Override
  public double[] logReturns() {
    return logReturns.clone();
  }

  /** The return at index {@code i}. */
  public double returnAt(int i) {
    return logReturns[i];
  }

  /** The number of historical returns. */
  public int size() {
    return logReturns.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnBootstrap b
        && Arrays.equals(logReturns, b.logReturns)
        && blockSteps == b.blockSteps
        && scheme == b.scheme;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(logReturns), blockSteps, scheme);
  }

  @Override
  public String toString() {
    return "ReturnBootstrap["
        + logReturns.length
        + " returns, "
        + scheme
        + " blocks of "
        + blockSteps
        + "]";
  }
}
