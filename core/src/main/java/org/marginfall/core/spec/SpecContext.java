package org.marginfall.core.spec;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.util.Checks;
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

  /** The run's simulated seconds per step, or NaN when the reader has none (e.g. in unit tests). */
  default double stepSeconds() {
    return Double.NaN;
  }

  /**
   * Reads a venue's optional {@code stepSeconds}: the run's value when absent; when given, it must
   * equal the run's (a venue cannot run on another clock).
   *
   * @return the step length, or NaN after a failure
   */
  default double stepSecondsOf(SpecNode node) {
    double run = stepSeconds();
    if (!node.has("stepSeconds")) {
      if (Double.isNaN(run)) {
        node.get("stepSeconds").fail("is required");
      }
      return run;
    }
    double given = node.positive("stepSeconds");
    if (!Double.isNaN(run) && !Double.isNaN(given) && given != run) {
      node.get("stepSeconds")
          .fail("must equal run.stepSeconds (" + run + ") when given, was " + given);
      return Double.NaN;
    }
    return given;
  }

  /** Where data files named by the scenario (relative to it) are opened; none by default. */
  default DataFiles dataFiles() {
    return DataFiles.NONE;
  }

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
   * Reads a required asset reference from {@code field} of {@code node}, reporting an unknown id
   * with the declared ones.
   *
   * @return the asset id, or null after a failure
   */
  default AssetId assetRef(SpecNode node, String field) {
    return assetRef(node.get(field));
  }

  /**
   * Reads an asset reference from a node that holds the id itself (e.g. an element of a list).
   *
   * @return the asset id, or null after a failure
   */
  default AssetId assetRef(SpecNode value) {
    return ref(value, "asset", s -> asset(AssetId.of(s)).map(Asset::id), assetIds());
  }

  /**
   * Reads a reference to a derived asset that the reading venue issues (a receipt, a vault share).
   *
   * @return the asset id, or null after a failure
   */
  default AssetId issuedAssetRef(SpecNode node, String field) {
    AssetId a = assetRef(node, field);
    if (a != null && asset(a).map(x -> x.kind() != AssetKind.DERIVED).orElse(true)) {
      node.get(field).fail("asset '" + a + "' must be of kind derived: it is issued by this venue");
      return null;
    }
    return a;
  }

  /**
   * Reads a required oracle reference.
   *
   * @return the oracle id, or null after a failure
   */
  default OracleId oracleRef(SpecNode node, String field) {
    return ref(
        node.get(field),
        "oracle",
        s -> oracleIds().contains(OracleId.of(s)) ? Optional.of(OracleId.of(s)) : Optional.empty(),
        oracleIds());
  }

  /**
   * Reads a required venue reference from {@code field} of {@code node}.
   *
   * @return the venue spec, or null after a failure
   */
  default VenueSpec venueRef(SpecNode node, String field) {
    return venueRef(node.get(field));
  }

  /**
   * Reads a venue reference from a node that holds the id itself.
   *
   * @return the venue spec, or null after a failure
   */
  default VenueSpec venueRef(SpecNode value) {
    return ref(value, "venue", s -> venue(VenueId.of(s)), venueIds());
  }

  /** Formats declared ids for messages: {@code a, b, c}, or {@code none}. */
  static String declared(Collection<?> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    StringJoiner j = new StringJoiner(", ");
    ids.forEach(id -> j.add(String.valueOf(id)));
    return j.toString();
  }

  private <T> T ref(
      SpecNode value, String kind, Function<String, Optional<T>> find, Collection<?> known) {
    String s = value.asString();
    if (value.isMissing()) {
      return null;
    }
    Optional<T> found = Checks.isId(s) ? find.apply(s) : Optional.empty();
    if (found.isEmpty()) {
      value.fail("unknown " + kind + " '" + s + "' (declared: " + declared(known) + ")");
      return null;
    }
    return found.get();
  }
}
