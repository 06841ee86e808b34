package org.marginfall.protocols.lending;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.oracle.StalePauses;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * How healthy the lending pool's borrowers are: a borrower as a margin state (Aave's health
 * factor) at reserve prices and exchange rates read once per pass, collateral and debt values, the
 * full mark over every borrower (which records each one's allowance with the liquidation screen)
 * and the round mark over the borrowers the screen lists, both leaving the liquidatable list; the
 * pool-wide stale-price pause.
 *
 * <p>Mutable and not thread-safe.
 */
final class LendingRiskView {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final StalePauses stalePauses;
  final CandidateList liquidatable = new CandidateList();
  /** Each reserve's oracle price and exchange rate as {@link #readReserves} read them last. */
  private final double[] reservePrice;
  private final double[] reserveRate;
  /** The screen's factors: per reserve its oracle price, exchange rate and borrow index. */
  private final double[] factors;

  LendingRiskView(LendingContext c, ReserveBook book, BorrowerBook borrowers) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
    this.stalePauses = new StalePauses(c.spec().staleness());
    this.reservePrice = new double[book.size()];
    this.reserveRate = new double[book.size()];
    this.factors = new double[3 * book.size()];
  }

  StalePauses stalePauses() {
    return stalePauses;
  }

  /** Marks every borrower and lists the liquidatable ones most underwater first. */
  void markToMarket() {
    List<LiquidationCandidate> out = new ArrayList<>();
    boolean paused = pausedByStaleness();
    readReserves();
    borrowers.screen.beginFullMark(readFactors(), c.ledger(), borrowers.size());
    for (Borrower b : borrowers.accounts.values()) {
      b.state = stateAtRead(b);
      allow(b);
      if (b.state.liquidatable() && !paused) {
        out.add(new LiquidationCandidate(c.spec().id(), b.id, b.state));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /** Marks only the borrowers the screen lists; see {@link LendingPool#markLiquidationCandidates}. */
  void markLiquidationCandidates() {
    List<LiquidationCandidate> out = new ArrayList<>();
    boolean paused = pausedByStaleness();
    readReserves();
    int[] due = borrowers.screen.due(readFactors(), c.ledger(), borrowers.size());
    for (int j = 0, n = borrowers.screen.dueCount(); j < n; j++) {
      Borrower b = borrowers.accounts.at(due[j]);
      b.state = stateAtRead(b);
      if (b.state.liquidatable() && !paused) {
        out.add(new LiquidationCandidate(c.spec().id(), b.id, b.state));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /** The health factor of every borrower with debt, at the last mark. */
  double[] healthValues() {
    double[] out = new double[borrowers.size()];
    int n = 0;
    for (Borrower b : borrowers.accounts.values()) {
      double h = b.state.health();
      if (Double.isFinite(h)) {
        out[n++] = h;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The prices, exchange rates and borrow indices {@link #readReserves} read, as the screen's factors. */
  private double[] readFactors() {
    for (Reserve r : book.reserves) {
      factors[3 * r.index] = reservePrice[r.index];
      factors[3 * r.index + 1] = reserveRate[r.index];
      factors[3 * r.index + 2] = r.borrowIndex;
    }
    return factors;
  }

  /**
   * Records {@code b}'s allowance: its slack is Σ collateral × LT less Σ debt, and every term is a
   * balance times at most three factors (receipts × rate × price, scaled debt × index × price).
   */
  private void allow(Borrower b) {
    MarginState s = b.state;
    if (!(s.maintenanceRequirement() > 0)) {
      borrowers.screen.allow(b.ordinal, b.slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double moving = Math.abs(s.equity()) + Math.abs(s.maintenanceRequirement());
    borrowers.screen.allow(b.ordinal, b.slot, s.equity() - s.maintenanceRequirement(), moving, moving);
  }

  /**
   * Whether a stale feed holds liquidations back: like Aave's {@code PriceOracleSentinel}, the pool
   * pauses as a whole while any of its reserves' prices is stale (counted once per step).
   */
  boolean pausedByStaleness() {
    return stalePauses.pauses(c.services().oracles(), c.spec().oracle(), book.assets(), c.step());
  }

  /** Collateral value: receipts × exchange rate × price (GenericLogic, rounded in doubles). */
  double collateralValue(Borrower b, Reserve r) {
    long held = c.ledger().balanceAt(b.slot, r.receiptSlot);
    return held == 0 ? 0 : collateralValue(r.receiptPrecision, held, r.rate(), c.price(r.terms.asset()));
  }

  /**
   * Underlying value of {@code held} atoms of a receipt counted at {@code receipt}, at exchange rate
   * {@code rate} and price {@code price}.
   */
  private static double collateralValue(Precision receipt, long held, double rate, double price) {
    return receipt.units(held) * rate * price;
  }

  double debtValue(Borrower b) {
    double d = 0;
    for (Reserve r : book.reserves) {
      if (b.scaledDebt[r.index] != 0) {
        d += b.scaledDebt[r.index] * r.borrowIndex * c.price(r.terms.asset());
      }
    }
    return d;
  }

  /**
   * The account's state as a MarginState: equity Σ coll × LT and maintenance Σ debt, so that
   * health() is Aave's health factor and liquidatable() is HF < 1; the initial requirement scales
   * the debt so that equity >= initial exactly when Σ coll × LTV >= debt.
   */
  MarginState state(Borrower b) {
    readReserves();
    return stateAtRead(b);
  }

  /**
   * Reads every reserve's oracle price and exchange rate once, for {@link #stateAtRead}: a mark
   * over all borrowers reads them once instead of once per borrower.
   */
  private void readReserves() {
    for (Reserve r : book.reserves) {
      reservePrice[r.index] = c.price(r.terms.asset());
      reserveRate[r.index] = r.rate();
    }
  }

  /** {@link #state(Borrower)} at the prices and rates {@link #readReserves} read last, in the same order of sums. */
  private MarginState stateAtRead(Borrower b) {
    double weighted = 0;
    double power = 0;
    for (Reserve r : book.reserves) {
      long held = c.ledger().balanceAt(b.slot, r.receiptSlot);
      double v = held == 0 ? 0 : collateralValue(r.receiptPrecision, held, reserveRate[r.index], reservePrice[r.index]);
      weighted += v * r.terms.liquidationThreshold();
      power += v * r.terms.loanToValue();
    }
    double debt = 0;
    for (Reserve r : book.reserves) {
      if (b.scaledDebt[r.index] != 0) {
        debt += b.scaledDebt[r.index] * r.borrowIndex * reservePrice[r.index];
      }
    }
    double initial = debt == 0 ? 0 : power > 0 ? debt * weighted / power : Double.POSITIVE_INFINITY;
    return new MarginState(weighted, initial, debt);
  }
}
