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
 * How healthy the lending pool's borrowers are: a borrower as a margin state (Aave's health factor)
 * at reserve prices and exchange rates read once per pass, collateral and debt values, the full
 * mark over every borrower (which records each one's allowance with the liquidation screen) and the
 * round mark over the borrowers the screen lists, both leaving the liquidatable list; the pool-wide
 * stale-price pause.
 *
 * <p>The last mark of each borrower is kept in columns by ordinal (Σ collateral × LT, the initial
 * requirement, Σ debt), and a pass over every borrower ({@link #markAll}) writes into such columns
 * without allocating per borrower: a {@link MarginState} is built only for a listed candidate or a
 * caller that asks for one. Every sum is taken in the same order as the per-borrower formula, so
 * the columns hold bit for bit what {@link #state} returns.
 *
 * <p>Mutable and not thread-safe.
 */
final class LendingRiskView {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final StalePauses stalePauses;
  final CandidateList liquidatable = new CandidateList();

  /**
   * Each reserve's oracle price, exchange rate and borrow index as {@link #readReserves} read them
   * last.
   */
  private final double[] reservePrice;

  private final double[] reserveRate;
  private final double[] reserveIndex;

  /** Each reserve's fixed terms, by reserve index, so a pass reads arrays rather than records. */
  private final int[] receiptSlot;

  private final Precision[] receiptPrecision;
  private final double[] threshold;
  private final double[] loanToValue;

  /** The screen's factors: per reserve its oracle price, exchange rate and borrow index. */
  private final double[] factors;

  /** The last mark by borrower ordinal: Σ collateral × LT (equity), initial requirement, Σ debt. */
  private double[] markWeighted = new double[16];

  private double[] markInitial = new double[16];
  private double[] markDebt = new double[16];

  LendingRiskView(LendingContext c, ReserveBook book, BorrowerBook borrowers) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
    this.stalePauses = new StalePauses(c.spec().staleness());
    int n = book.size();
    this.reservePrice = new double[n];
    this.reserveRate = new double[n];
    this.reserveIndex = new double[n];
    this.receiptSlot = new int[n];
    this.receiptPrecision = new Precision[n];
    this.threshold = new double[n];
    this.loanToValue = new double[n];
    for (Reserve r : book.reserves) {
      receiptSlot[r.index] = r.receiptSlot;
      receiptPrecision[r.index] = r.receiptPrecision;
      threshold[r.index] = r.terms.liquidationThreshold();
      loanToValue[r.index] = r.terms.loanToValue();
    }
    this.factors = new double[3 * n];
  }

  StalePauses stalePauses() {
    return stalePauses;
  }

  /** Marks every borrower and lists the liquidatable ones most underwater first. */
  void markToMarket() {
    boolean paused = pausedByStaleness();
    readReserves();
    int n = borrowers.size();
    borrowers.screen.beginFullMark(readFactors(), c.ledger(), n);
    ensureColumns(n);
    markAll(n, markWeighted, markInitial, markDebt);
    List<LiquidationCandidate> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      allow(k);
      if (liquidatableAt(k) && !paused) {
        out.add(candidateAt(k));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /**
   * Marks only the borrowers the screen lists; see {@link LendingPool#markLiquidationCandidates}.
   */
  void markLiquidationCandidates() {
    List<LiquidationCandidate> out = new ArrayList<>();
    boolean paused = pausedByStaleness();
    readReserves();
    int n = borrowers.size();
    int[] due = borrowers.screen.due(readFactors(), c.ledger(), n);
    ensureColumns(n);
    for (int j = 0, m = borrowers.screen.dueCount(); j < m; j++) {
      int k = due[j];
      markAt(k, markWeighted, markInitial, markDebt);
      if (liquidatableAt(k) && !paused) {
        out.add(candidateAt(k));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /** The health factor of every borrower with debt, at the last mark. */
  double[] healthValues() {
    double[] out = new double[borrowers.size()];
    return Arrays.copyOf(out, healthValues(out));
  }

  /**
   * Writes {@link #healthValues()} into {@code out} (at least {@code borrowers.size()} long) from
   * 0; returns how many.
   */
  int healthValues(double[] out) {
    int n = borrowers.size();
    ensureColumns(n);
    return healthsInto(out, n);
  }

  /**
   * Writes the finite health factors of borrowers {@code 0 .. n-1} at their last mark into {@code
   * out}, in ordinal order; returns how many. {@link MarginState#health()} of the same columns.
   */
  private int healthsInto(double[] out, int n) {
    int m = 0;
    for (int k = 0; k < n; k++) {
      double d = markDebt[k];
      double h = d > 0 ? markWeighted[k] / d : Double.POSITIVE_INFINITY;
      if (Double.isFinite(h)) {
        out[m++] = h;
      }
    }
    return m;
  }

  /**
   * The health pass: marks borrowers {@code 0 .. n-1} at the prices {@link #readReserves} read last
   * into the caller's columns, allocating nothing.
   */
  void markAll(int n, double[] weighted, double[] initial, double[] debt) {
    for (int k = 0; k < n; k++) {
      markAt(k, weighted, initial, debt);
    }
  }

  /**
   * Marks the borrower opened {@code k}-th into row {@code k} of the columns: {@link #state}'s
   * formula at the read prices, in the same order of sums.
   */
  private void markAt(int k, double[] weightedOut, double[] initialOut, double[] debtOut) {
    int slot = borrowers.slotAt(k);
    double weighted = 0;
    double power = 0;
    for (int r = 0; r < receiptSlot.length; r++) {
      long held = c.ledger().balanceAt(slot, receiptSlot[r]);
      double v =
          held == 0
              ? 0
              : collateralValue(receiptPrecision[r], held, reserveRate[r], reservePrice[r]);
      weighted += v * threshold[r];
      power += v * loanToValue[r];
    }
    double debt = 0;
    for (int r = 0; r < receiptSlot.length; r++) {
      double scaled = borrowers.scaledDebtAt(k, r);
      if (scaled != 0) {
        debt += scaled * reserveIndex[r] * reservePrice[r];
      }
    }
    weightedOut[k] = weighted;
    initialOut[k] = initialRequirement(debt, weighted, power);
    debtOut[k] = debt;
  }

  /**
   * The initial requirement scales the debt so that equity >= initial exactly when Σ coll × LTV >=
   * debt.
   */
  private static double initialRequirement(double debt, double weighted, double power) {
    return debt == 0 ? 0 : power > 0 ? debt * weighted / power : Double.POSITIVE_INFINITY;
  }

  private boolean liquidatableAt(int k) {
    return markDebt[k] > 0 && markWeighted[k] < markDebt[k];
  }

  private LiquidationCandidate candidateAt(int k) {
    return new LiquidationCandidate(
        c.spec().id(),
        borrowers.accounts.at(k).id,
        new MarginState(markWeighted[k], markInitial[k], markDebt[k]));
  }

  private void ensureColumns(int n) {
    if (n > markDebt.length) {
      int size = Math.max(n, 2 * markDebt.length);
      markWeighted = Arrays.copyOf(markWeighted, size);
      markInitial = Arrays.copyOf(markInitial, size);
      markDebt = Arrays.copyOf(markDebt, size);
    }
  }

  /**
   * The prices, exchange rates and borrow indices {@link #readReserves} read, as the screen's
   * factors.
   */
  private double[] readFactors() {
    for (int r = 0; r < reservePrice.length; r++) {
      factors[3 * r] = reservePrice[r];
      factors[3 * r + 1] = reserveRate[r];
      factors[3 * r + 2] = reserveIndex[r];
    }
    return factors;
  }

  /**
   * Records the allowance of the borrower opened {@code k}-th: its slack is Σ collateral × LT less
   * Σ debt, and every term is a balance times at most three factors (receipts × rate × price,
   * scaled debt × index × price) of one reserve, so it reads only the factors of the reserves it
   * holds receipts of or owes in.
   */
  private void allow(int k) {
    double weighted = markWeighted[k];
    double debt = markDebt[k];
    int slot = borrowers.slotAt(k);
    if (!(debt > 0)) {
      borrowers.screen.allow(k, slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double moving = Math.abs(weighted) + Math.abs(debt);
    borrowers.screen.allow(k, slot, weighted - debt, moving, moving, reads(k, slot));
  }

  /**
   * The screen's factors the borrower opened {@code k}-th reads: bits 3r to 3r + 2 per reserve r it
   * uses.
   */
  private long reads(int k, int slot) {
    if (3 * receiptSlot.length > Long.SIZE) {
      return -1L;
    }
    long mask = 0;
    for (int r = 0; r < receiptSlot.length; r++) {
      if (c.ledger().balanceAt(slot, receiptSlot[r]) != 0 || borrowers.scaledDebtAt(k, r) != 0) {
        mask |= 7L << (3 * r);
      }
    }
    return mask;
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
    return held == 0
        ? 0
        : collateralValue(r.receiptPrecision, held, r.rate(), c.price(r.terms.asset()));
  }

  /**
   * Underlying value of {@code held} atoms of a receipt counted at {@code receipt}, at exchange
   * rate {@code rate} and price {@code price}.
   */
  private static double collateralValue(Precision receipt, long held, double rate, double price) {
    return receipt.units(held) * rate * price;
  }

  double debtValue(Borrower b) {
    double d = 0;
    for (Reserve r : book.reserves) {
      if (borrowers.scaledDebt(b, r) != 0) {
        d += borrowers.scaledDebt(b, r) * r.borrowIndex * c.price(r.terms.asset());
      }
    }
    return d;
  }

  /**
   * The account's state as a MarginState: equity Σ coll × LT and maintenance Σ debt, so that
   * health() is Aave's health factor and liquidatable() is HF < 1; the initial requirement scales
   * the debt so that equity >= initial exactly when Σ coll × LTV >= debt. Reads the price and
   * exchange rate only of the reserves the borrower holds or owes in (a reserve it has neither in
   * adds exactly zero), in the order of sums of {@link #markAt}.
   */
  MarginState state(Borrower b) {
    double weighted = 0;
    double power = 0;
    for (Reserve r : book.reserves) {
      long held = c.ledger().balanceAt(b.slot, r.receiptSlot);
      double v =
          held == 0
              ? 0
              : collateralValue(r.receiptPrecision, held, r.rate(), c.price(r.terms.asset()));
      weighted += v * threshold[r.index];
      power += v * loanToValue[r.index];
    }
    double debt = 0;
    for (Reserve r : book.reserves) {
      double scaled = borrowers.scaledDebt(b, r);
      if (scaled != 0) {
        debt += scaled * r.borrowIndex * c.price(r.terms.asset());
      }
    }
    return new MarginState(weighted, initialRequirement(debt, weighted, power), debt);
  }

  /** Marks {@code b} now, as a round would, and keeps it as its last mark. */
  MarginState remark(Borrower b) {
    MarginState s = state(b);
    ensureColumns(borrowers.size());
    markWeighted[b.ordinal] = s.equity();
    markInitial[b.ordinal] = s.initialRequirement();
    markDebt[b.ordinal] = s.maintenanceRequirement();
    return s;
  }

  /**
   * Reads every reserve's oracle price, exchange rate and borrow index once, for {@link #markAt}: a
   * mark over all borrowers reads them once instead of once per borrower.
   */
  private void readReserves() {
    for (Reserve r : book.reserves) {
      reservePrice[r.index] = c.price(r.terms.asset());
      reserveRate[r.index] = r.rate();
      reserveIndex[r.index] = r.borrowIndex;
    }
  }
}
