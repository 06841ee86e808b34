package org.marginfall.core.spec;

import java.util.Optional;
import org.marginfall.core.price.JumpSpec;
import org.marginfall.core.price.PriceProcessSpec;

/**
 * Reads a spot asset's parametric {@code price} section (GBM with optional Merton jumps) into a
 * {@link PriceProcessSpec}. Stateless.
 */
public final class PriceProcessReader {

  private PriceProcessReader() {}

  /**
   * Reads {@code initial}, {@code drift}, {@code volatility} and {@code jumps}, reporting failures
   * at their paths; {@code replay} and {@code bootstrap} are allowed here for the historical
   * reader's sake.
   *
   * @return the process, or null after a failure
   */
  public static PriceProcessSpec read(SpecNode p) {
    Problems.Mark mark = p.mark();
    p.allowOnly("initial", "drift", "volatility", "jumps", "replay", "bootstrap");
    double initial = p.positive("initial");
    if (initial < PriceProcessSpec.MIN_INITIAL || initial > PriceProcessSpec.MAX_INITIAL) {
      p.get("initial")
          .fail(
              "must be between "
                  + SpecNode.show(PriceProcessSpec.MIN_INITIAL)
                  + " and "
                  + SpecNode.show(PriceProcessSpec.MAX_INITIAL)
                  + " (prices are computed within 1,000 times of these), was "
                  + initial);
    }
    double drift = p.between("drift", 0, -PriceProcessSpec.MAX_DRIFT, PriceProcessSpec.MAX_DRIFT);
    double volatility =
        p.atMost("volatility", p.nonNegative("volatility", 0), PriceProcessSpec.MAX_VOLATILITY);
    Optional<JumpSpec> jumps = jumps(p.get("jumps"), mark);
    if (mark.failed()) {
      return null;
    }
    return p.build(() -> new PriceProcessSpec(initial, drift, volatility, jumps));
  }

  /** The optional {@code jumps}, built only when nothing of the price failed so far. */
  private static Optional<JumpSpec> jumps(SpecNode j, Problems.Mark mark) {
    if (j.isMissing() || !j.requireObject()) {
      return Optional.empty();
    }
    j.allowOnly("intensityPerYear", "meanLogJump", "sdLogJump");
    double intensity =
        j.atMost("intensityPerYear", j.nonNegative("intensityPerYear"), JumpSpec.MAX_INTENSITY);
    double mean = j.between("meanLogJump", -JumpSpec.MAX_LOG_JUMP, JumpSpec.MAX_LOG_JUMP);
    double sd = j.atMost("sdLogJump", j.nonNegative("sdLogJump"), JumpSpec.MAX_LOG_JUMP);
    return mark.failed()
        ? Optional.empty()
        : Optional.ofNullable(j.build(() -> new JumpSpec(intensity, mean, sd)));
  }
}
