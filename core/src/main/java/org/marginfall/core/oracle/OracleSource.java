package org.marginfall.core.oracle;

import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * One source an oracle aggregates: a reading of the shared market price with its own latency, a
 * multiplicative bias and multiplicative log-normal noise, and a weight in the aggregation.
 *
 * <p>A source stands for one reporter or one venue's price that the real oracle reads (a Maker
 * Median feed, one of Hyperliquid's spot venues; docs/sources.md, MakerDAO and Hyperliquid). Its
 * reading at step {@code t} is {@code m(t - latencySteps) * (1 + bias) * exp(noise * z)} with
 * {@code z} a standard normal drawn by inversion from the oracle's own stream; the noise is
 * median-unbiased (no {@code -noise^2 / 2} correction), so that a median of unbiased sources stays
 * centred on the market price. Immutable and thread-safe.
 *
 * @param name the label of the source (for documentation and error messages)
 * @param weight its weight in the aggregation, {@code > 0}
 * @param latencySteps age in steps of the market price it reads
 * @param bias relative offset of its reading, {@code > -1} (0.01 reads 1% high)
 * @param noise standard deviation of the log of its multiplicative noise, {@code >= 0}
 */
public record OracleSource(
    String name, double weight, int latencySteps, double bias, double noise) {

  /** The largest relative bias a scenario may give a source (it reads 11 times the price). */
  public static final double MAX_BIAS = 10;

  /** The largest standard deviation of a source's log noise a scenario may give. */
  public static final double MAX_NOISE = 5;

  /** Validates the fields; messages start with the field name. */
  public OracleSource {
    Checks.id(name, "name");
    Checks.positive(weight, "weight");
    Checks.nonNegative(latencySteps, "latencySteps");
    checkBias(bias);
    Checks.nonNegative(noise, "noise");
  }

  /**
   * The rule of a bias: finite and above -1 (a reading of zero or less is no price).
   *
   * @throws FieldException at {@code bias} when it is not
   */
  public static void checkBias(double bias) {
    Checks.finite(bias, "bias");
    if (!(bias > -1)) {
      throw new FieldException("bias", "must be above -1, was " + bias);
    }
  }

  /** An exact, weight-1 reading of the market price {@code latencySteps} old. */
  public static OracleSource exact(String name, int latencySteps) {
    return new OracleSource(name, 1.0, latencySteps, 0.0, 0.0);
  }
}
