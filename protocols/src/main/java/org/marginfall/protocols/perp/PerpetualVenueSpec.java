package org.marginfall.protocols.perp;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginModel;

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
 * @param liquidatorShare share of the fee paid to the liquidator; the rest goes to the insurance
 *     fund
 * @param insuranceFund initial insurance fund, in base currency
 * @param houseCapital capital of the counterparty vault that takes the other side of every position
 * @param liquidation full or partial liquidation
 * @param backstop the backstop liquidator vault, or empty for none
 * @param deleveraging auto-deleveraging and socialized loss after the insurance fund
 * @param portfolio the portfolio-margin model, present exactly when {@code marginMode} is portfolio
 * @param pricing mark price, funding and oracle staleness settings
 * @param borrowing the lending book accounts may borrow from against their margin, or empty for
 *     none; only with cross margin and the base currency as the only collateral
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
    double houseCapital,
    LiquidationTerms liquidation,
    Optional<BackstopTerms> backstop,
    DeleveragingTerms deleveraging,
    PricingTerms pricing,
    Optional<PortfolioMarginModel> portfolio,
    Optional<BorrowTerms> borrowing)
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
    Objects.requireNonNull(liquidation, "liquidation");
    Objects.requireNonNull(backstop, "backstop");
    Objects.requireNonNull(deleveraging, "deleveraging");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(portfolio, "portfolio");
    if ((marginMode == MarginMode.PORTFOLIO) != portfolio.isPresent()) {
      throw new IllegalArgumentException(
          "portfolio: a portfolio-margin model is required with marginMode portfolio and allowed only with it");
    }
    if (backstop.isPresent() && seen.contains(backstop.get().shareAsset())) {
      throw new IllegalArgumentException(
          "backstop.shareAsset: must not also be accepted as collateral here");
    }
    Objects.requireNonNull(borrowing, "borrowing");
    if (borrowing.isPresent() && (marginMode != MarginMode.CROSS || !collateral.isEmpty())) {
      // A loan is repaid from the base currency a closed account holds; other collateral would sit
      // beside it.
      throw new IllegalArgumentException(
          "borrowing: needs marginMode cross and the base currency as the only collateral");
    }
  }

  /** A venue without a lending book. */
  public PerpetualVenueSpec(
      VenueId id,
      OracleId oracle,
      MarginMode marginMode,
      List<PerpMarket> markets,
      List<CollateralTerms> collateral,
      double liquidationFee,
      double liquidatorShare,
      double insuranceFund,
      double houseCapital,
      LiquidationTerms liquidation,
      Optional<BackstopTerms> backstop,
      DeleveragingTerms deleveraging,
      PricingTerms pricing,
      Optional<PortfolioMarginModel> portfolio) {
    this(
        id,
        oracle,
        marginMode,
        markets,
        collateral,
        liquidationFee,
        liquidatorShare,
        insuranceFund,
        houseCapital,
        liquidation,
        backstop,
        deleveraging,
        pricing,
        portfolio,
        Optional.empty());
  }

  /** A venue without portfolio margin. */
  public PerpetualVenueSpec(
      VenueId id,
      OracleId oracle,
      MarginMode marginMode,
      List<PerpMarket> markets,
      List<CollateralTerms> collateral,
      double liquidationFee,
      double liquidatorShare,
      double insuranceFund,
      double houseCapital,
      LiquidationTerms liquidation,
      Optional<BackstopTerms> backstop,
      DeleveragingTerms deleveraging,
      PricingTerms pricing) {
    this(
        id,
        oracle,
        marginMode,
        markets,
        collateral,
        liquidationFee,
        liquidatorShare,
        insuranceFund,
        houseCapital,
        liquidation,
        backstop,
        deleveraging,
        pricing,
        Optional.empty());
  }

  /**
   * A venue with the original mechanics: full liquidation, no backstop, no ADL, index mark, no
   * funding.
   */
  public PerpetualVenueSpec(
      VenueId id,
      OracleId oracle,
      MarginMode marginMode,
      List<PerpMarket> markets,
      List<CollateralTerms> collateral,
      double liquidationFee,
      double liquidatorShare,
      double insuranceFund,
      double houseCapital) {
    this(
        id,
        oracle,
        marginMode,
        markets,
        collateral,
        liquidationFee,
        liquidatorShare,
        insuranceFund,
        houseCapital,
        LiquidationTerms.FULL,
        Optional.empty(),
        DeleveragingTerms.NONE,
        PricingTerms.DEFAULT);
  }

  @Override
  public Set<AssetId> issuedAssets() {
    return backstop.map(b -> Set.of(b.shareAsset())).orElse(Set.of());
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

  @Override
  public Set<OracleId> oraclesRead() {
    return Set.of(oracle);
  }
}
