package org.marginfall.core.venue;

import org.marginfall.core.util.Checks;

/**
 * Identifies a venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier
 */
public record VenueId(String value) implements Comparable<VenueId> {

  /** Validates the identifier. */
  public VenueId {
    Checks.id(value, "venue id");
  }

  /** Returns the venue id for {@code value}. */
  public static VenueId of(String value) {
    return new VenueId(value);
  }

  @Override
  public int compareTo(VenueId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
