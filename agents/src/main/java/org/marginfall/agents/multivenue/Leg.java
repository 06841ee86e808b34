package org.marginfall.agents.multivenue;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * One venue a multi-venue agent trades on: a leveraged perpetual position in one market, backed by
 * its own base-currency margin on that venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the perpetual venue
 * @param market the market the position is in
 * @param margin base-currency units deposited as the leg's own margin at set-up
 * @param leverage notional over margin, capped just below the venue's maximum
 * @param longShare probability that the position is long (otherwise short)
 * @param weight the leg's weight in a shared pool's slices (pooled traders only; 1 otherwise)
 * @param cap the most base currency a shared pool may ever give this leg (+infinity: no cap)
 */
public record Leg(
    VenueId venue,
    AssetId market,
    Distribution margin,
    Distribution leverage,
    double longShare,
    double weight,
    double cap) {

  /** Validates the fields. */
  public Leg {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(leverage, "leverage");
    if (!(margin.lowerBound() >= 0)) {
      throw new IllegalArgumentException("margin: must not produce negative amounts");
    }
    if (!onlyPositive(leverage)) {
      throw new IllegalArgumentException("leverage: must only produce values > 0");
    }
    Checks.fraction(longShare, "longShare");
    Checks.positive(weight, "weight");
    if (!(cap > 0)) {
      throw new IllegalArgumentException("cap: must be > 0, was " + cap);
    }
  }

  /** Whether every value {@code d} can produce is positive, as for leveraged traders. */
  static boolean onlyPositive(Distribution d) {
    return d.lowerBound() > 0
        || (d.lowerBound() == 0
            && (d instanceof Distribution.LogNormal || d instanceof Distribution.Exponential));
  }
}
