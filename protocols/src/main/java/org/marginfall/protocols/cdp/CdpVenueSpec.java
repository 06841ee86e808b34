package org.marginfall.protocols.cdp;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.StalenessGuard;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The definition of a CDP venue with MakerDAO Liquidations 2.0 (Dog, Clipper, Abacus, Vow).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the venue id
 * @param oracle the oracle vaults are valued and auctions priced with (Maker's OSM delay is an
 *     oracle with latency)
 * @param stepSeconds simulated seconds per step, which must equal the run's {@code stepSeconds}:
 *     auction curves, {@code tail} and {@code step} are in seconds as in clip.sol
 * @param globalHole most debt-plus-penalty in auction over all ilks (dog.sol {@code Hole})
 * @param surplusBuffer the Vow's initial surplus in base currency, which absorbs auction deficits
 *     before they become bad debt (vow.sol {@code heal} against surplus DAI)
 * @param ilks the collateral types
 * @param staleness the oracle staleness guard (off by default)
 * @param flip Liquidations 1.0 flip-auction terms, or null for Liquidations 2.0 Clipper auctions
 * @param flop debt-auction terms, or null to write off what the surplus cannot heal
 */
public record CdpVenueSpec(
    VenueId id,
    OracleId oracle,
    double stepSeconds,
    double globalHole,
    double surplusBuffer,
    List<CdpIlk> ilks,
    StalenessGuard staleness,
    FlipTerms flip,
    FlopTerms flop)
    implements VenueSpec {

  /** A venue without debt auctions. */
  public CdpVenueSpec(
      VenueId id,
      OracleId oracle,
      double stepSeconds,
      double globalHole,
      double surplusBuffer,
      List<CdpIlk> ilks,
      StalenessGuard staleness,
      FlipTerms flip) {
    this(id, oracle, stepSeconds, globalHole, surplusBuffer, ilks, staleness, flip, null);
  }

  /** A Liquidations 2.0 venue. */
  public CdpVenueSpec(
      VenueId id,
      OracleId oracle,
      double stepSeconds,
      double globalHole,
      double surplusBuffer,
      List<CdpIlk> ilks,
      StalenessGuard staleness) {
    this(id, oracle, stepSeconds, globalHole, surplusBuffer, ilks, staleness, null, null);
  }

  /** A venue without a staleness guard. */
  public CdpVenueSpec(
      VenueId id,
      OracleId oracle,
      double stepSeconds,
      double globalHole,
      double surplusBuffer,
      List<CdpIlk> ilks) {
    this(id, oracle, stepSeconds, globalHole, surplusBuffer, ilks, StalenessGuard.OFF, null, null);
  }

  /** The registry name. */
  public static final String TYPE = "cdp";

  /** Validates the fields. */
  public CdpVenueSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(oracle, "oracle");
    Checks.positive(stepSeconds, "stepSeconds");
    Checks.positive(globalHole, "globalHole");
    Checks.nonNegative(surplusBuffer, "surplusBuffer");
    ilks = List.copyOf(ilks);
    if (ilks.isEmpty()) {
      throw new IllegalArgumentException("ilks: must list at least one collateral type");
    }
    Set<AssetId> seen = new HashSet<>();
    for (CdpIlk i : ilks) {
      if (!seen.add(i.asset())) {
        throw new IllegalArgumentException("ilks: " + i.asset() + " is listed twice");
      }
    }
    if (flop != null && seen.contains(flop.gem())) {
      throw new IllegalArgumentException("flop.gem: " + flop.gem() + " is also a collateral type");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** A CDP venue opens no positions in any asset; its vaults only borrow base currency. */
  @Override
  public Set<AssetId> tradableAssets() {
    return Set.of();
  }

  @Override
  public Set<AssetId> collateralAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    ilks.forEach(i -> out.add(i.asset()));
    return out;
  }

  @Override
  public Venue resolve(VenueServices services) {
    return new CdpVenue(this, services);
  }

  @Override
  public Set<OracleId> oraclesRead() {
    return Set.of(oracle);
  }
}
