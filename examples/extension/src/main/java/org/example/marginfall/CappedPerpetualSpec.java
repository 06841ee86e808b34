package org.example.marginfall;

import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * A perpetual venue with an open-interest cap: the perpetual venue's own spec, and the cap.
 *
 * <p>Immutable and thread-safe.
 *
 * @param perpetual the venue without the cap, as {@code type: perpetual} reads it
 * @param openInterestCap the most open interest in base currency (> 0)
 */
public record CappedPerpetualSpec(VenueSpec perpetual, double openInterestCap)
    implements VenueSpec {

  /** The registry name. */
  public static final String TYPE = "capped-perpetual";

  /** Validates the fields. */
  public CappedPerpetualSpec {
    Objects.requireNonNull(perpetual, "perpetual");
    if (!perpetual.listsPerpetuals()) {
      throw new IllegalArgumentException("perpetual: must be a perpetual venue");
    }
    if (!(openInterestCap > 0 && Double.isFinite(openInterestCap))) {
      throw new IllegalArgumentException(
          "openInterestCap: must be positive and finite, was " + openInterestCap);
    }
  }

  @Override
  public VenueId id() {
    return perpetual.id();
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<AssetId> tradableAssets() {
    return perpetual.tradableAssets();
  }

  @Override
  public boolean listsPerpetuals() {
    return true;
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return perpetual.collateralAssets();
  }

  @Override
  public Set<AssetId> issuedAssets() {
    return perpetual.issuedAssets();
  }

  @Override
  public Set<OracleId> oraclesRead() {
    return perpetual.oraclesRead();
  }

  @Override
  public Venue resolve(VenueServices services) {
    return new CappedPerpetual((PerpetualVenue) perpetual.resolve(services), openInterestCap);
  }
}
