package org.marginfall.experiments.family.pawn;

import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * A pawn shop: each account pledged {@code pledge} units of {@code collateral} for a loan; an
 * account whose pledge is worth less than {@code (1 + margin)} times its loan may be forfeited, the
 * liquidator taking collateral worth the loan times {@code 1 + penalty}.
 */
record PawnVenueSpec(
    VenueId id,
    OracleId oracle,
    AssetId collateral,
    double pledge,
    List<Double> loans,
    double margin,
    double penalty)
    implements VenueSpec {

  PawnVenueSpec {
    loans = List.copyOf(loans);
  }

  @Override
  public String type() {
    return PawnVenueType.NAME;
  }

  @Override
  public Set<AssetId> tradableAssets() {
    return Set.of();
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return Set.of(collateral);
  }

  @Override
  public Set<OracleId> oraclesRead() {
    return Set.of(oracle);
  }

  @Override
  public Venue resolve(VenueServices services) {
    return new PawnShop(this, services);
  }
}
