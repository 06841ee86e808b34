package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.spec.VenueServices;
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
  /** Which accounts a liquidation round must mark again; unused under portfolio margin. */
  private final LiquidationScreen screen;
  /** The screen's factors: the collateral lines' oracle prices, then the markets' marks. */
  private final double[] factors;
  /** Per market, the steepest maintenance rate (the slope of the requirement in the notional). */
  private final double[] steepestRate;
  /** Prices of the last mark of either kind, for states computed later as that mark would have. */
  private final double[] markedCollateralPrice;
  private final double[] markedMark;
  /** Counts marks; an account's {@code markedSerial} below it was skipped by the last one. */
  private long markSerial;
  /** The ledger's transfer count at the end of the last mark. */
  private long transfersAtLastMark;
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
    this.screen = book.screen;
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
    this.markedCollateralPrice = new double[collateral.size()];
    this.markedMark = new double[markets.count()];
    this.factors = new double[collateral.size() + markets.count()];
    this.steepestRate = new double[markets.count()];
    for (int i = 0; i < steepestRate.length; i++) {
      MarginTiers t = tiers.get(i);
      steepestRate[i] = t == null ? maintenanceMargin[i] : Math.max(t.rate(0), t.rate(t.size() - 1));
    }
  }

  // --- marking

  /**
   * Re-marks every account at this round's prices and lists the liquidatable ones, most underwater
   * first; records each account's allowance with the screen.
   */
  void markToMarket() {
    recordMarks();
    readPrices();
    markSerial++;
    boolean screening = spec.portfolio().isEmpty();
    if (screening) {
      screen.beginFullMark(readFactors(), ledger, book.size());
    }
    List<LiquidationCandidate> out = new ArrayList<>();
    int stale = 0;
    MarginAccount vault = book.vault();
    for (MarginAccount a : book.all()) {
      if (screening) {
        markAndAllow(a);
      } else {
        a.setState(stateAtReadPrices(a));
      }
      a.setMarkedSerial(markSerial);
      if (a == vault || !a.state().liquidatable()) {
        continue;
      }
      stale += listIfActionable(a, out);
    }
    finishMark(out, stale);
  }

  /**
   * Marks only the accounts the screen says could have become liquidatable since the last full
   * mark and lists the liquidatable ones: the same list as {@link #markToMarket()}, since every
   * account left out is safe at these prices.
   */
  void markLiquidationCandidates() {
    if (spec.portfolio().isPresent()) {
      // The portfolio model's requirement moves with the whole window of marks, not with a factor.
      markToMarket();
      return;
    }
    recordMarks();
    readPrices();
    markSerial++;
    int[] due = screen.due(readFactors(), ledger, book.size());
    int n = screen.dueCount();
    List<LiquidationCandidate> out = new ArrayList<>();
    int stale = 0;
    MarginAccount vault = book.vault();
    for (int j = 0; j < n; j++) {
      MarginAccount a = book.byOrdinal(due[j]);
      a.setState(stateAtReadPrices(a));
      a.setMarkedSerial(markSerial);
      if (a == vault || !a.state().liquidatable()) {
        continue;
      }
      stale += listIfActionable(a, out);
    }
    finishMark(out, stale);
  }

  /** Lists {@code a} unless a stale price pauses it; returns 1 when its feeds are stale. */
  private int listIfActionable(MarginAccount a, List<LiquidationCandidate> out) {
    if (isStale(a)) {
      if (pricing.onStale() == StaleAction.PAUSE) {
        // Refuse to act on a price the venue does not trust; count the step once.
        countPausedStep();
        return 1;
      }
      out.add(new LiquidationCandidate(spec.id(), a.id, a.state()));
      return 1;
    }
    out.add(new LiquidationCandidate(spec.id(), a.id, a.state()));
    return 0;
  }

  private void finishMark(List<LiquidationCandidate> out, int stale) {
    System.arraycopy(collateralPrice, 0, markedCollateralPrice, 0, collateralPrice.length);
    System.arraycopy(markBuffer, 0, markedMark, 0, markBuffer.length);
    transfersAtLastMark = ledger.transferCount();
    staleNow = stale;
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /** The prices {@link #readPrices} read, as the screen's factors. */
  private double[] readFactors() {
    System.arraycopy(collateralPrice, 0, factors, 0, collateralPrice.length);
    System.arraycopy(markBuffer, 0, factors, collateralPrice.length, markBuffer.length);
    return factors;
  }

  /**
   * Marks {@code a} at the prices just read, as {@link #stateAtReadPrices} does (the same sums in
   * the same order), and records its allowance with the screen: its slack is equity less
   * maintenance; each collateral line moves by at most its value before haircut and cap, each
   * position's PnL by its notional and its requirement by the notional times the steepest tier
   * rate.
   */
  private void markAndAllow(MarginAccount a) {
    double equity = 0;
    double moving = 0;
    double fixed = 0;
    for (int k = 0; k < collateralSlot.length; k++) {
      long held = ledger.balanceAt(a.slot, collateralSlot[k]);
      if (held != 0) {
        CollateralTerms c = collateral.get(k);
        double units = collateralPrecision[k].units(held);
        equity += PerpMarginCalculator.collateralValue(units, collateralPrice[k], c.haircut(), c.cap());
        moving += Math.abs(units * collateralPrice[k]);
      }
    }
    double initial = 0;
    double maintenance = 0;
    for (int i = 0; i < a.markets(); i++) {
      double size = a.size(i);
      if (size != 0) {
        double mark = markBuffer[i];
        equity += size * (mark - a.entry(i));
        double notional = Math.abs(size) * mark;
        MarginTiers t = tiers.get(i);
        initial += PerpMarginCalculator.initialRequirement(notional, initialMargin[i], t);
        maintenance += PerpMarginCalculator.maintenanceRequirement(notional, maintenanceMargin[i], t);
        moving += notional * (1 + steepestRate[i]);
        fixed += Math.abs(size * a.entry(i)) + notional;
      }
    }
    a.setState(new MarginState(equity, initial, maintenance));
    if (a == book.vault() || !(maintenance > 0) && !a.hasPositions()) {
      screen.allow(a.ordinal, a.slot, Double.POSITIVE_INFINITY, 0, 0);
    } else {
      fixed += Math.abs(equity) + Math.abs(maintenance);
      screen.allow(a.ordinal, a.slot, equity - maintenance, moving, moving + fixed);
    }
  }

  /**
   * {@code a}'s state as the last mark saw it: an account that mark left out gets the state it would
   * have computed, at that mark's prices (its books have not changed since, or it would have been
   * re-stated). Auto-deleveraging ranks accounts by it.
   */
  MarginState markedState(MarginAccount a) {
    if (a.markedSerial() < markSerial) {
      if (ledger.changedAt(a.slot) > transfersAtLastMark) {
        throw new IllegalStateException(spec.id() + ": " + a.id + " changed after the last mark without a new state");
      }
      a.setState(stateAt(a, markedCollateralPrice, markedMark));
      a.setMarkedSerial(markSerial);
    }
    return a.state();
  }

  /** Re-computes {@code a}'s state after its books changed, and tells the screen. */
  void restate(MarginAccount a) {
    a.setState(state(a));
    a.setMarkedSerial(markSerial);
    screen.touch(a.ordinal);
  }

  /** Tells the screen that {@code a}'s positions changed. */
  void touch(MarginAccount a) {
    screen.touch(a.ordinal);
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
    if (!a.state().liquidatable() || !a.hasPositions()) {
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
    double[] out = new double[book.size()];
    int n = 0;
    for (MarginAccount a : book.all()) {
      if (a != vault) {
        double h = a.state().health();
        if (Double.isFinite(h)) {
          out[n++] = h;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Open interest: the absolute size of every position at the oracle price. */
  double openInterest() {
    double[] price = new double[markets.count()];
    for (int i = 0; i < price.length; i++) {
      price[i] = markets.oraclePrice(markets.assets.get(i));
    }
    double openInterest = 0;
    for (MarginAccount a : book.all()) {
      for (int i = 0; i < a.markets(); i++) {
        if (a.size(i) != 0) {
          openInterest += Math.abs(a.size(i)) * price[i];
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
    return stateAt(a, collateralPrice, markBuffer);
  }

  /** {@link #stateAtReadPrices} at the given collateral prices and marks. */
  private MarginState stateAt(MarginAccount a, double[] collateralPrice, double[] markBuffer) {
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
    for (int i = 0; i < a.markets(); i++) {
      double size = a.size(i);
      if (size != 0) {
        double mark = markBuffer[i];
        equity += size * (mark - a.entry(i));
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
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        positions.add(new Position(markets.assets.get(i), a.size(i), markets.markPrice(i)));
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
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        positions.add(
            new PerpMarginCalculator.PositionLine(
                a.size(i), a.entry(i), markets.markPrice(i), initialMargin[i], maintenanceMargin[i]));
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
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        v += a.size(i) * (markets.markPrice(i) - a.entry(i));
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
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0 && now - services.oracles().publishedStep(spec.oracle(), markets.assets.get(i), now) > max) {
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
