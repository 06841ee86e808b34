package org.marginfall.protocols.lending;

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
 * The definition of a pooled lending venue modelled on Aave v3.3.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the venue id
 * @param oracle the oracle it values collateral and debt with
 * @param reserves its reserves, in order (the order breaks ties when a liquidation picks a pair)
 * @param stepSeconds simulated seconds per tick, for interest accrual (must equal the run's)
 * @param badDebt what happens to burned debt the treasury cannot cover
 * @param closeFactorThreshold MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD, in base currency
 * @param minLeftover MIN_LEFTOVER_BASE, in base currency
 * @param staleness the oracle staleness guard (off by default)
 */
public record LendingVenueSpec(
    VenueId id,
    OracleId oracle,
    List<ReserveTerms> reserves,
    double stepSeconds,
    BadDebtMode badDebt,
    double closeFactorThreshold,
    double minLeftover,
    StalenessGuard staleness)
    implements VenueSpec {

  /** A venue without a staleness guard. */
  public LendingVenueSpec(
      VenueId id,
      OracleId oracle,
      List<ReserveTerms> reserves,
      double stepSeconds,
      BadDebtMode badDebt,
      double closeFactorThreshold,
      double minLeftover) {
    this(
        id,
        oracle,
        reserves,
        stepSeconds,
        badDebt,
        closeFactorThreshold,
        minLeftover,
        StalenessGuard.OFF);
  }

  /** The registry name. */
  public static final String TYPE = "lending";

  /** Validates the fields. */
  public LendingVenueSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(badDebt, "badDebt");
    reserves = List.copyOf(reserves);
    if (reserves.isEmpty()) {
      throw new IllegalArgumentException("reserves: must list at least one reserve");
    }
    Set<AssetId> assets = new HashSet<>();
    Set<AssetId> receipts = new HashSet<>();
    for (ReserveTerms r : reserves) {
      if (!assets.add(r.asset())) {
        throw new IllegalArgumentException("reserves: " + r.asset() + " is listed twice");
      }
      if (!receipts.add(r.receipt())) {
        throw new IllegalArgumentException("reserves: receipt " + r.receipt() + " is issued twice");
      }
    }
    for (ReserveTerms r : reserves) {
      if (assets.contains(r.receipt())) {
        throw new IllegalArgumentException(
            "reserves: receipt " + r.receipt() + " is also an underlying asset");
      }
    }
    Checks.positive(stepSeconds, "stepSeconds");
    Checks.nonNegative(closeFactorThreshold, "closeFactorThreshold");
    Checks.nonNegative(minLeftover, "minLeftover");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The assets that can be borrowed. */
  @Override
  public Set<AssetId> tradableAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    reserves.stream().filter(ReserveTerms::borrowable).forEach(r -> out.add(r.asset()));
    return out;
  }

  /** The assets that count as collateral (liquidation threshold above zero). */
  @Override
  public Set<AssetId> collateralAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    reserves.stream().filter(r -> r.liquidationThreshold() > 0).forEach(r -> out.add(r.asset()));
    return out;
  }

  @Override
  public Set<AssetId> issuedAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    reserves.forEach(r -> out.add(r.receipt()));
    return out;
  }

  @Override
  public Venue resolve(VenueServices services) {
    return new LendingPool(this, services);
  }

  @Override
  public Set<OracleId> oraclesRead() {
    return Set.of(oracle);
  }
}
