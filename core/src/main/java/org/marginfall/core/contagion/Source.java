package org.marginfall.core.contagion;

import java.util.Objects;
import org.marginfall.core.venue.VenueId;

/**
 * Who produced an endogenous move (a price impact, a NAV loss, a collateral withdrawal): the events
 * of one generation on one venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue whose events produced the move
 * @param generation the generation of those events (0: hit by the exogenous move alone)
 */
public record Source(VenueId venue, int generation) implements Comparable<Source> {

  /** Validates the generation. */
  public Source {
    Objects.requireNonNull(venue, "venue");
    if (generation < 0) {
      throw new IllegalArgumentException("generation: must be >= 0, was " + generation);
    }
  }

  /** The source of what events of {@code cause} on {@code venue} produce: one generation later. */
  public static Source of(VenueId venue, Cause cause) {
    return new Source(venue, cause.generation());
  }

  /** Generation first, then venue id: written out because sorted maps of sources compare a lot. */
  @Override
  public int compareTo(Source o) {
    int c = Integer.compare(generation, o.generation);
    return c != 0 ? c : venue.compareTo(o.venue);
  }
}
