package org.marginfall.protocols.perp;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;

/**
 * The definition of a perpetual-futures venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the venue id
 * @param oracle the oracle it marks with
 * @param marginMode cross or isolated
 * @param markets listed perpetual markets
 * @param collateral accepted collateral besides the base currency (always accepted, no haircut)
 * @param liquidationFee fee on liquidated notional, charged to the liquidated account
 * @param liquidatorShare share of the fee paid to the liquidator; the rest goes to the insurance fund
 * @param insuranceFund initial insurance fund, in base currency
 * @param houseCapital capital of the counterparty vault that takes the other side of every position
 */
public record PerpetualVenueSpec(
    VenueId id,
    OracleId oracle,
    MarginMode marginMode,
    List<PerpMarket> markets,
    List<CollateralTerms> collateral,
    double liquidationFee,
    double liquidatorShare,
    double insuranceFund,
    double houseCapital)
    implements VenueSpec {

  /** The registry name. */
  public static final String TYPE = "perpetual";

  /** Validates the fields. */
  public PerpetualVenueSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(marginMode, "marginMode");
    markets = List.copyOf(markets);
    collateral = List.copyOf(collateral);
    if (markets.isEmpty()) {
      throw new IllegalArgumentException("markets: must list at least one market");
    }
    Set<AssetId> seen = new HashSet<>();
    for (PerpMarket m : markets) {
      if (!seen.add(m.asset())) {
        throw new IllegalArgumentException("markets: " + m.asset() + " is listed twice");
      }
    }
    seen.clear();
    for (CollateralTerms c : collateral) {
      if (!seen.add(c.asset())) {
        throw new IllegalArgumentException("collateral: " + c.asset() + " is listed twice");
      }
    }
    Checks.fraction(liquidationFee, "liquidationFee");
    Checks.fraction(liquidatorShare, "liquidatorShare");
    Checks.nonNegative(insuranceFund, "insuranceFund");
    Checks.nonNegative(houseCapital, "houseCapital");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean listsPerpetuals() {
    return true;
  }

  @Override
  public Set<AssetId> tradableAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    markets.forEach(m -> out.add(m.asset()));
    return out;
  }

  @Override
  public Set<AssetId> collateralAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    collateral.forEach(c -> out.add(c.asset()));
    return out;
  }

  @Override
  public Venue resolve(VenueServices services) {
    return new PerpetualExchange(this, services);
  }
}
