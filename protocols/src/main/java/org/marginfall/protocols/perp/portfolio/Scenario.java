package org.marginfall.protocols.perp.portfolio;

import java.util.Locale;
import java.util.Objects;
import org.marginfall.core.util.Checks;

/**
 * One row of a risk array: a price move as a signed multiple of the asset's scan range, a
 * volatility leg, and the fraction of the resulting loss that counts (the cover fraction of the
 * extreme SPAN moves, 1 otherwise).
 *
 * <p>Immutable and thread-safe.
 *
 * @param number 1-based scenario number in the published table
 * @param move signed price move in multiples of the scan range (e.g. -2/3, or +3 for a SPAN
 *     extreme)
 * @param vol the volatility leg
 * @param weight fraction of the loss counted, in (0, 1]
 */
public record Scenario(int number, double move, VolShock vol, double weight) {

  /** Validates the fields. */
  public Scenario {
    Checks.positive(number, "number");
    Checks.finite(move, "move");
    Objects.requireNonNull(vol, "vol");
    Checks.fraction(weight, "weight");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight: must be > 0, was " + weight);
    }
  }

  /**
   * The counted loss of a linear position in this scenario, losses positive: {@code -weight *
   * notional * move * scanRange} (CME SPAN risk array).
   *
   * @param notional signed notional {@code size * markPrice}
   * @param scanRange the asset's scan range as a fraction of price
   */
  public double loss(double notional, double scanRange) {
    // + 0.0 turns the -0.0 of a zero move into 0.0 so reports never print "-0.0".
    return -weight * notional * move * scanRange + 0.0;
  }

  /** A short label such as {@code "#16 -3 x range, vol unchanged, weight 0.35"}. */
  public String label() {
    return String.format(
        Locale.ROOT, "#%d %+.4g x range, %s, weight %.4g", number, move, vol.label(), weight);
  }
}
