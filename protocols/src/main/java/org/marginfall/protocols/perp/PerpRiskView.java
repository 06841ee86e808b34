package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.MarginState;
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

  /**
   * The columns of {@link PerpMarkets} that the per-account sum reads, held here to read in place.
   */
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

  /** The passes over the book's columns: sums, the mark with allowances, health values. */
  private final ColumnMarks marks;

  PerpRiskView(
      PerpetualVenueSpec spec, VenueServices services, PerpMarkets markets, PerpAccountBook book) {
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
        spec.portfolio().orElse(null) instanceof ValueAtRisk risk
            ? Math.max(1, risk.marksNeeded())
            : 1;
    this.markHistory =
        org.marginfall.protocols.perp.portfolio.PriceHistory.empty(markets.assets, window);
    this.collateralPrice = new double[collateral.size()];
    this.markBuffer = new double[markets.count()];
    this.markedCollateralPrice = new double[collateral.size()];
    this.markedMark = new double[markets.count()];
    this.factors = new double[collateral.size() + markets.count()];
    this.marks = new ColumnMarks(ledger, markets, book, ledger.precision(services.baseCurrency()));
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
    int vault = book.vaultOrdinal();
    int n = book.size();
    if (screening) {
      marks.markAllAndAllow(collateralPrice, markBuffer);
    } else {
      for (int o = 0; o < n; o++) {
        book.byOrdinal(o).setState(portfolioState(book.byOrdinal(o)));
      }
    }
    Arrays.fill(book.markedSerial, 0, n, markSerial);
    // Listing reads the marks and changes none, so it can follow the mark as a second pass.
    for (int o = 0; o < n; o++) {
      if (o == vault || !book.liquidatable(o)) {
        continue;
      }
      stale += listIfActionable(book.byOrdinal(o), out);
    }
    finishMark(out, stale);
  }

  /**
   * Marks only the accounts the screen says could have become liquidatable since the last full mark
   * and lists the liquidatable ones: the same list as {@link #markToMarket()}, since every account
   * left out is safe at these prices.
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
    int vault = book.vaultOrdinal();
    for (int j = 0; j < n; j++) {
      int o = due[j];
      marks.store(o, collateralPrice, markBuffer);
      book.markedSerial[o] = markSerial;
      if (o == vault || !book.liquidatable(o)) {
        continue;
      }
      stale += listIfActionable(book.byOrdinal(o), out);
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
   * {@code a}'s state as the last mark saw it: an account that mark left out gets the state it
   * would have computed, at that mark's prices (its books have not changed since, or it would have
   * been re-stated). Auto-deleveraging ranks accounts by it.
   */
  MarginState markedState(MarginAccount a) {
    if (a.markedSerial() < markSerial) {
      if (ledger.changedAt(a.slot) > transfersAtLastMark) {
        throw new IllegalStateException(
            spec.id() + ": " + a.id + " changed after the last mark without a new state");
      }
      if (spec.portfolio().isPresent()) {
        a.setState(portfolioState(a));
      } else {
        marks.store(a.ordinal, markedCollateralPrice, markedMark);
      }
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

  /**
   * Keeps the last mark's list truthful after a liquidation or a withdrawal changed the account.
   */
  void dropFromList(MarginAccount a) {
    if (!a.state().liquidatable() || !a.hasPositions()) {
      liquidatable.drop(a.id);
    }
  }

  /** Not the backstop vault, liquidatable in {@code now}, and not paused by a stale price. */
  boolean liquidatesNow(MarginAccount a, MarginState now) {
    return a != book.vault()
        && now.liquidatable()
        && !(pricing.onStale() == StaleAction.PAUSE && isStale(a));
  }

  /**
   * Equity over maintenance requirement of every trader account at the last mark (finite values
   * only).
   */
  double[] healthValues() {
    double[] out = new double[book.size()];
    return Arrays.copyOf(out, healthValues(out));
  }

  /**
   * Writes {@link #healthValues()} into {@code into} (at least as long as the book) from 0; returns
   * how many.
   */
  int healthValues(double[] into) {
    return marks.healthValues(into);
  }

  /** Open interest: the absolute size of every position at the oracle price. */
  double openInterest() {
    double[] price = new double[markets.count()];
    for (int i = 0; i < price.length; i++) {
      price[i] = markets.oraclePrice(markets.assets.get(i));
    }
    return marks.openInterest(price);
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
   * The account's margin state at the prices {@link #readPrices} read last, summed term by term as
   * {@link PerpMarginCalculator#state(List, List, List)} sums its lines, without building them.
   */
  private MarginState stateAtReadPrices(MarginAccount a) {
    return stateAt(a, collateralPrice, markBuffer);
  }

  /** {@link #stateAtReadPrices} at the given collateral prices and marks. */
  private MarginState stateAt(MarginAccount a, double[] collateralPrice, double[] markBuffer) {
    if (spec.portfolio().isPresent()) {
      return portfolioState(a);
    }
    marks.sum(a.ordinal, collateralPrice, markBuffer);
    return new MarginState(marks.equity, marks.initial, marks.maintenance);
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
                collateralPrecision[k].units(held),
                markets.oraclePrice(c.asset()),
                c.haircut(),
                c.cap()));
      }
    }
    List<PerpMarginCalculator.PositionLine> positions = new ArrayList<>();
    List<MarginTiers> positionTiers = new ArrayList<>();
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0) {
        positions.add(
            new PerpMarginCalculator.PositionLine(
                a.size(i),
                a.entry(i),
                markets.markPrice(i),
                initialMargin[i],
                maintenanceMargin[i]));
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

  /**
   * Collateral at the oracle without haircut or cap plus unrealised PnL at the mark: what closing
   * at the mark would leave.
   */
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

  /**
   * Whether a feed the account needs (its markets, its non-base collateral) is older than the guard
   * allows.
   */
  private boolean isStale(MarginAccount a) {
    long max = pricing.maxOracleAgeSteps();
    if (max <= 0) {
      return false;
    }
    long now = services.clock().step();
    for (int i = 0; i < a.markets(); i++) {
      if (a.size(i) != 0
          && now - services.oracles().publishedStep(spec.oracle(), markets.assets.get(i), now)
              > max) {
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
