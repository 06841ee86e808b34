package org.marginfall.core.venue;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * A position held before the run, as a snapshot records it, for {@link PerpetualVenue#load}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param market the perpetual market
 * @param size signed size in units (negative: short), finite and non-zero
 * @param entryPrice average entry price, finite and positive
 */
public record HeldPosition(AssetId market, double size, double entryPrice) {

  /** Validates the fields. */
  public HeldPosition {
    Objects.requireNonNull(market, "market");
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    if (!(Double.isFinite(entryPrice) && entryPrice > 0)) {
      throw new IllegalArgumentException(
          "entryPrice: must be a finite positive number, was " + entryPrice);
    }
  }
}
