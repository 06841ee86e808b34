package org.marginfall.protocols.perp;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.venue.VenueId;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginModel;

/**
 * Reads {@code type: perpetual} venues from scenario files.
 *
 * <p>Venue-level {@code initialMargin} and {@code maintenanceMargin} are defaults that a market
 * entry may override, and so are venue-level maintenance {@code tiers}; a market may be given as
 * just its asset id. The mechanisms beyond full liquidation (partial liquidation, backstop, ADL,
 * median mark, funding, staleness guard) are off unless their fields are given. This type checks
 * the venue's fields and assembles its spec; each section has its own reader in this package
 * ({@link PerpMarketsReader}, {@link CollateralTermsReader}, {@link LossTermsReader}, {@link
 * PricingTermsReader}, {@link PortfolioSectionReader}, {@link BorrowTermsReader}). Stateless and
 * thread-safe.
 */
public final class PerpetualVenueType implements VenueType {

  private static final String[] FIELDS = {
    "id",
    "type",
    "oracle",
    "marginMode",
    "markets",
    "collateral",
    "initialMargin",
    "maintenanceMargin",
    "liquidationFee",
    "liquidatorShare",
    "insuranceFund",
    "houseCapital",
    "tiers",
    "liquidation",
    "backstop",
    "deleveraging",
    "markPrice",
    "markBasisSteps",
    "fundingIntervalSteps",
    "fundingInterestRate",
    "fundingInterestClamp",
    "maxOracleAgeSteps",
    "onStale",
    "portfolio",
    "borrowing"
  };

  @Override
  public String name() {
    return PerpetualVenueSpec.TYPE;
  }

  /** Cross and portfolio margin become isolated margin: {@code marginMode: isolated}. */
  @Override
  public boolean isolate(Map<Object, Object> entry) {
    entry.put("marginMode", "isolated");
    entry.remove("portfolio");
    return true;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(FIELDS);
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    MarginMode mode = readMode(node);
    List<PerpMarket> markets = PerpMarketsReader.read(node, context);
    List<CollateralTerms> accepted = CollateralTermsReader.read(node, context);
    double fee = node.fraction("liquidationFee", 0.01);
    double share = node.fraction("liquidatorShare", 0.5);
    double insurance = node.nonNegative("insuranceFund", 0);
    double house = node.nonNegative("houseCapital", 1.0e9);
    LiquidationTerms liquidation = LossTermsReader.readLiquidation(node, context);
    Optional<BackstopTerms> backstop =
        LossTermsReader.readBackstop(node, context, assets(accepted));
    DeleveragingTerms deleveraging = LossTermsReader.readDeleveraging(node);
    PricingTerms pricing = PricingTermsReader.read(node);
    Optional<PortfolioMarginModel> portfolio =
        PortfolioSectionReader.read(node, context, mode, listed(markets));
    Optional<BorrowTerms> borrowing = BorrowTermsReader.read(node.get("borrowing"));
    if (mark.failed()) {
      return null;
    }
    List<CollateralTerms> collateral =
        accepted.stream().filter(c -> !c.asset().equals(context.baseCurrency())).toList();
    return node.build(
        () ->
            new PerpetualVenueSpec(
                VenueId.of(id),
                oracle,
                mode,
                markets,
                collateral,
                fee,
                share,
                insurance,
                house,
                liquidation,
                backstop,
                deleveraging,
                pricing,
                portfolio,
                borrowing));
  }

  private static MarginMode readMode(SpecNode node) {
    return node.choice(
        "marginMode",
        "margin mode",
        SpecNode.byName(MarginMode::scenarioName, MarginMode.values()),
        MarginMode.CROSS);
  }

  /** The markets' assets, for the portfolio block's coverage check. */
  private static Set<AssetId> listed(List<PerpMarket> markets) {
    Set<AssetId> listed = new HashSet<>();
    for (PerpMarket m : markets) {
      listed.add(m.asset());
    }
    return listed;
  }

  private static Set<AssetId> assets(List<CollateralTerms> collateral) {
    return collateral.stream().map(CollateralTerms::asset).collect(Collectors.toSet());
  }
}
