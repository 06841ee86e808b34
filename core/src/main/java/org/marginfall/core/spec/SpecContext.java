package org.marginfall.core.spec;

import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.venue.VenueId;

/**
 * What a venue or population reader may look up while reading: the ids declared earlier in the
 * scenario, so that a reference to an unknown asset, oracle or venue fails with its field path.
 *
 * <p>Implementations are read-only during reading; not thread-safe.
 */
public interface SpecContext {

  /** The unit of account. */
  AssetId baseCurrency();

  /** The declared assets, by id. */
  Optional<Asset> asset(AssetId id);

  /** The declared asset ids, in scenario order. */
  Set<AssetId> assetIds();

  /** The declared oracle ids, in scenario order. */
  Set<OracleId> oracleIds();

  /** The venue read so far with this id. */
  Optional<VenueSpec> venue(VenueId id);

  /** The venue ids read so far, in scenario order. */
  Set<VenueId> venueIds();

  /**
   * Reads a required asset reference, reporting an unknown id with the known ones.
   *
   * @return the asset id, or null after a failure
   */
  default AssetId assetRef(SpecNode node, String field) {
    SpecNode child = node.get(field);
    String s = child.asString();
    if (child.isMissing()) {
      return null;
    }
    if (!org.marginfall.core.util.Checks.isId(s) || asset(AssetId.of(s)).isEmpty()) {
      child.fail("unknown asset '" + s + "' (declared: " + join(assetIds()) + ")");
      return null;
    }
    return AssetId.of(s);
  }

  /**
   * Reads a required oracle reference.
   *
   * @return the oracle id, or null after a failure
   */
  default OracleId oracleRef(SpecNode node, String field) {
    SpecNode child = node.get(field);
    String s = child.asString();
    if (child.isMissing()) {
      return null;
    }
    if (!org.marginfall.core.util.Checks.isId(s) || !oracleIds().contains(OracleId.of(s))) {
      child.fail("unknown oracle '" + s + "' (declared: " + join(oracleIds()) + ")");
      return null;
    }
    return OracleId.of(s);
  }

  /**
   * Reads a required venue reference.
   *
   * @return the venue spec, or null after a failure
   */
  default VenueSpec venueRef(SpecNode node, String field) {
    SpecNode child = node.get(field);
    String s = child.asString();
    if (child.isMissing()) {
      return null;
    }
    Optional<VenueSpec> v =
        org.marginfall.core.util.Checks.isId(s) ? venue(VenueId.of(s)) : Optional.empty();
    if (v.isEmpty()) {
      child.fail("unknown venue '" + s + "' (declared: " + join(venueIds()) + ")");
      return null;
    }
    return v.get();
  }

  private static String join(Set<?> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (Object id : ids) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(id);
    }
    return b.toString();
  }
}
