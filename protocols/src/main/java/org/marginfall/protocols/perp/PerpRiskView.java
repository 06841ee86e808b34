package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.protocols.perp.portfolio.Portfolio;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginCalculator;
import org.marginfall.protocols.perp.portfolio.Position;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk;

/**
 * How the perpetual venue sees its accounts' risk: margin states at prices read once per pass
 * (summed term by term as {@link PerpMarginCalculator} sums its lines, or from the portfolio-margin
 * model), the settlement value of an account, stale feeds, and the mark over every account that
 * lists the liquidatable ones. It exists so that every margin state the venue acts on comes from
 * one definition, and the pass over every account reads each price once.
 *
 * <p>Mutable and not thread-safe.
 */
final class PerpRiskView {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final PricingTerms pricing;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  /** The columns of {@link PerpMarkets} that the per-account sum reads, held here to read in place. */
  private final List<CollateralTerms> collateral;
  private final int[] collateralSlot;
  private final Precision[] collateralPrecision;
  private final double[] initialMargin;
  private final double[] maintenanceMargin;
  private final List<MarginTiers> tiers;
  /** Prices read by {@link #readPrices}: one per collateral line, one mark per market. */
  private final double[] collateralPrice;
  private final double[] markBuffer;
  /** Marks of past steps, read by a VaR portfolio-margin model (unused otherwise). */
  private org.marginfall.protocols.perp.portfolio.PriceHistory markHistory;
  private long markHistoryStep = -1;
  private final CandidateList liquidatable = new CandidateList();
  private long stalePausedSteps;
  private long lastPausedStep = -1;
  private int staleNow;

  PerpRiskView(PerpetualVenueSpec spec, VenueServices services, PerpMarkets markets, PerpAccountBook book) {
    this.spec = spec;
    this.services = services;
    this.ledger = services.ledger();
    this.pricing = spec.pricing();
    this.markets = markets;
    this.book = book;
    this.collateral = markets.collateral;
    this.collateralSlot = markets.collateralSlot;
    this.collateralPrecision = markets.collateralPrecision;
    this.initialMargin = markets.initialMargin;
    this.maintenanceMargin = markets.maintenanceMargin;
    this.tiers = markets.tiers;
    int window =
        spec.portfolio().orElse(null) instanceof ValueAtRisk risk ? Math.max(1, risk.marksNeeded()) : 1;
    this.markHistory = org.marginfall.protocols.perp.portfolio.PriceHistory.empty(markets.assets, window);
    this.collateralPrice = new double[collateral.size()];
    this.markBuffer = new double[markets.count()];
  }

  // --- marking

  /** Re-marks every account at this round's prices and lists the liquidatable ones, most underwater first. */
  void markToMarket() {
    recordMarks();
    List<LiquidationCandidate> out = new ArrayList<>();
    int stale = 0;
    readPrices();
    MarginAccount vault = book.vault();
    for (MarginAccount a : book.all()) {
      a.state = stateAtReadPrices(a);
      if (a == vault || !a.state.liquidatable()) {
        continue;
      }
      if (isStale(a)) {
        stale++;
        if (pricing.onStale() == StaleAction.PAUSE) {
          // Refuse to act on a price the venue does not trust; count the step once.
          countPausedStep();
          continue;
        }
      }
      out.add(new LiquidationCandidate(spec.id(), a.id, a.state));
    }
    staleNow = stale;
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  private void countPausedStep() {
    long step = services.clock().step();
    if (step != lastPausedStep) {
      lastPausedStep = step;
      stalePausedSteps++;
    }
  }

  /** The accounts the last mark found liquidatable, most underwater first. */
  List<LiquidationCandidate> liquidatable() {
    return liquidatable.list();
  }

  /** Keeps the last mark's list truthful after a liquidation or a withdrawal changed the account. */
  void dropFromList(MarginAccount a) {
    if (!a.state.liquidatable() || !a.hasPositions()) {
      liquidatable.drop(a.id);
    }
  }

  /** Not the backstop vault, liquidatable in {@code now}, and not paused by a stale price. */
  boolean liquidatesNow(MarginAccount a, MarginState now) {
    return a != book.vault() && now.liquidatable() && !(pricing.onStale() == StaleAction.PAUSE && isStale(a));
  }

  /** Equity over maintenance requirement of every trader account at the last mark (finite values only). */
  double[] healthValues() {
    MarginAccount vault = book.vault();
    return book.all().stream()
        .filter(a -> a != vault)
        .mapToDouble(a -> a.state.health())
        .filter(Double::isFinite)
        .toArray();
  }

  /** Open interest: the absolute size of every position at the oracle price. */
  double openInterest() {
    double openInterest = 0;
    for (MarginAccount a : book.all()) {
      for (int i = 0; i < a.size.length; i++) {
        if (a.size[i] != 0) {
          openInterest += Math.abs(a.size[i]) * markets.oraclePrice(markets.assets.get(i));
        }
      }
    }
    return openInterest;
  }

  /** Accounts the last mark found liquidatable but whose feeds were stale. */
  int staleAccounts() {
    return staleNow;
  }

  /** Steps in which a stale feed paused a liquidation. */
  long stalePausedSteps() {
    return stalePausedSteps;
  }

  // --- margin states

  /** The account's margin state at the prices now. */
  MarginState state(MarginAccount a) {
    readPrices();
    return stateAtReadPrices(a);
  }

  /**
   * Reads every collateral line's oracle price and every market's mark once, for {@link
   * #stateAtReadPrices}: a mark over all accounts reads them once instead of once per account.
   */
  private void readPrices() {
    for (int k = 0; k < collateralPrice.length; k++) {
      collateralPrice[k] = markets.oraclePrice(collateral.get(k).asset());
    }
    for (int i = 0; i < markBuffer.length; i++) {
      markBuffer[i] = markets.markPrice(i);
    }
  }

  /**
   * The account's margin state at the prices {@link #readPrices} read last, summed term by term
   * as {@link PerpMarginCalculator#state(List, List, List)} sums its lines, without building them.
   */
  private MarginState stateAtReadPrices(MarginAccount a) {
    if (spec.portfolio().isPresent()) {
      return portfolioState(a);
    }
    double equity = 0;
    for (int k = 0; k < collateralSlot.length; k++) {
      long held = ledger.balanceAt(a.slot, collateralSlot[k]);
      if (held != 0) {
        CollateralTerms c = collateral.get(k);
        equity += PerpMarginCalculator.collateralValue(collateralPrecision[k].units(held), collateralPrice[k], c.haircut(), c.cap());
      }
    }
    double initial = 0;
    double maintenance = 0;
    for (int i = 0; i < a.size.length; i++) {
      double size = a.size[i];
      if (size != 0) {
        double mark = markBuffer[i];
        equity += size * (mark - a.entry[i]);
        double notional = Math.abs(size) * mark;
        MarginTiers t = tiers.get(i);
        initial += PerpMarginCalculator.initialRequirement(notional, initialMargin[i], t);
        maintenance += PerpMarginCalculator.maintenanceRequirement(notional, maintenanceMargin[i], t);
      }
    }
    return new MarginState(equity, initial, maintenance);
  }

  /** The account's state under portfolio margin: the venue's equity, the model's requirements. */
  private MarginState portfolioState(MarginAccount a) {
    MarginState standard = standardState(a);
    if (spec.portfolio().isEmpty()) {
      return standard;
    }
    // Portfolio margin keeps the venue's equity and takes the requirements from the model; while
    // a VaR window is still filling, the standard requirements stand in.
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        positions.add(new Position(markets.assets.get(i), a.size[i], markets.markPrice(i)));
      }
    }
    return PortfolioMarginCalculator.DEFAULT
        .assess(standard, spec.portfolio().get(), new Portfolio(positions, markHistory))
        .state();
  }

  /** The account's standard state, from the lines {@link PerpMarginCalculator} sums. */
  private MarginState standardState(MarginAccount a) {
    List<PerpMarginCalculator.CollateralLine> lines = new ArrayList<>(collateral.size());
    for (int k = 0; k < collateral.size(); k++) {
      CollateralTerms c = collateral.get(k);
      long held = ledger.balanceAt(a.slot, collateralSlot[k]);
      if (held != 0) {
        lines.add(
            new PerpMarginCalculator.CollateralLine(
                collateralPrecision[k].units(held), markets.oraclePrice(c.asset()), c.haircut(), c.cap()));
      }
    }
    List<PerpMarginCalculator.PositionLine> positions = new ArrayList<>();
    List<MarginTiers> positionTiers = new ArrayList<>();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        positions.add(
            new PerpMarginCalculator.PositionLine(
                a.size[i], a.entry[i], markets.markPrice(i), initialMargin[i], maintenanceMargin[i]));
        positionTiers.add(tiers.get(i));
      }
    }
    return PerpMarginCalculator.DEFAULT.state(lines, positions, positionTiers);
  }

  /** Appends this step's marks to the portfolio-margin window, once per step (not per round). */
  private void recordMarks() {
    long step = services.clock().step();
    if (spec.portfolio().isEmpty() || step == markHistoryStep) {
      return;
    }
    Map<AssetId, Double> marks = new LinkedHashMap<>();
    for (int i = 0; i < markets.count(); i++) {
      marks.put(markets.assets.get(i), markets.markPrice(i));
    }
    markHistory = markHistory.append(marks);
    markHistoryStep = step;
  }

  /** Collateral at the oracle without haircut or cap plus unrealised PnL at the mark: what closing at the mark would leave. */
  double settlementValue(MarginAccount a) {
    double v = 0;
    for (CollateralTerms c : collateral) {
      v += ledger.units(a.id, c.asset()) * markets.oraclePrice(c.asset());
    }
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        v += a.size[i] * (markets.markPrice(i) - a.entry[i]);
      }
    }
    return v;
  }

  /** Whether a feed the account needs (its markets, its non-base collateral) is older than the guard allows. */
  private boolean isStale(MarginAccount a) {
    long max = pricing.maxOracleAgeSteps();
    if (max <= 0) {
      return false;
    }
    long now = services.clock().step();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0 && now - services.oracles().publishedStep(spec.oracle(), markets.assets.get(i), now) > max) {
        return true;
      }
    }
    for (CollateralTerms c : collateral) {
      if (ledger.balance(a.id, c.asset()) != 0
          && now - services.oracles().publishedStep(spec.oracle(), c.asset(), now) > max) {
        return true;
      }
    }
    return false;
  }
}
