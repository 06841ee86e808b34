package org.marginfall.core.venue;

import java.util.Arrays;
import org.marginfall.core.ledger.Ledger;

/**
 * Which of a venue's accounts a liquidation round must mark again, so that a quiet round marks only
 * the accounts that could have become liquidatable since the last full mark, and the list it leaves
 * is exactly the one a full mark would leave.
 *
 * <p>At a full mark the venue reads its <em>factors</em> (every price, exchange rate and index its
 * margin formulas multiply by) and records, per account, its slack (margin less requirement), its
 * sensitivity (the sum of the absolute values of the terms that move with the factors) and its
 * magnitude (the sum of the absolute values of every term, for the rounding allowance). Each term
 * is an account quantity times at most {@link #FACTORS_PER_TERM} factors, or moves no faster than
 * such a product (a capped or tiered term is Lipschitz in it), so when every factor has moved by at
 * most a relative {@code d} the margin has moved by at most {@code sensitivity ((1 + d)^3 - 1)}.
 * The account's <em>allowance</em> is the largest {@code d} for which that stays below its slack
 * less a rounding allowance of {@link #ROUNDING} of its sensitivity and magnitude (and at most
 * {@link #MAX_DRIFT}: a larger drift marks every account). A later round marks an account again
 * when
 *
 * <ul>
 *   <li>the largest relative move since the full mark of the factors the account reads (its drift)
 *       reached its allowance,
 *   <li>a ledger balance of its account changed since the full mark ({@link Ledger#changedAt}),
 *   <li>the venue touched its books (positions, debt) since the full mark ({@link #touch}), or
 *   <li>it was opened after the full mark.
 * </ul>
 *
 * An account reads every factor unless the venue names the ones it reads ({@link #allow(int, int,
 * double, double, double, long)}: a borrower reads the reserves it holds or owes in, a vault its
 * collateral's price); a factor it does not read multiplies none of its nonzero terms, so its move
 * cannot change the account's margin. Every other account was safe at the full mark by more than
 * any move of its factors within its drift can take away, so it is not liquidatable now. The test
 * is conservative, never approximate: it only decides which accounts to mark, and every listed
 * account is marked in full.
 *
 * <p>The scan is over columns indexed by the venue's account ordinal (the order it opened them).
 * Mutable and not thread-safe.
 */
public final class LiquidationScreen {

  /**
   * The most factors any term of a venue's margin multiplies (a receipt: balance × rate × price).
   */
  public static final int FACTORS_PER_TERM = 3;

  /**
   * Relative rounding allowance: far above the error of summing millions of binary64 terms (about
   * 10^-16 per term), far below any slack that matters.
   */
  static final double ROUNDING = 1e-8;

  /**
   * The largest drift screened: beyond it every account is due, as the rounding allowance would
   * have to grow with the move.
   */
  static final double MAX_DRIFT = 0.5;

  private double[] reference = new double[0];
  private double[] room = new double[16];
  private int[] slot = new int[16];
  private boolean[] touched = new boolean[16];

  /** The number of the set of factors each account reads, in {@link #sets}. */
  private int[] readSet = new int[16];

  private final ReadSets sets = new ReadSets();

  /**
   * Scratch of {@link #due}: each factor's relative move, and each read set's bound on the growth
   * of a term.
   */
  private double[] moves = new double[0];

  private double[] setGrowth = new double[4];
  private int screened;
  private long transfersAtMark;
  private boolean valid;
  private int[] due = new int[16];
  private int dueCount;

  /**
   * Starts a full mark: the factors now become the reference, the ledger's transfer count the
   * moment balances are compared with, and every account's allowance is to be recorded with {@link
   * #allow} before the next {@link #due}.
   *
   * @param factors the venue's factors now, copied
   * @param ledger the ledger holding the venue's accounts
   * @param accounts how many accounts the venue holds (ordinals 0 to accounts - 1)
   */
  public void beginFullMark(double[] factors, Ledger ledger, int accounts) {
    reference = factors.clone();
    transfersAtMark = ledger.transferCount();
    if (accounts > room.length) {
      int n = Math.max(accounts, 2 * room.length);
      room = Arrays.copyOf(room, n);
      slot = Arrays.copyOf(slot, n);
      touched = Arrays.copyOf(touched, n);
      readSet = Arrays.copyOf(readSet, n);
    }
    Arrays.fill(touched, 0, accounts, false);
    sets.clear();
    // Set 0 reads every factor: an account whose allowance is not recorded is due anyway.
    Arrays.fill(readSet, 0, accounts, sets.numberOf(ReadSets.ALL));
    Arrays.fill(room, 0, accounts, -1);
    screened = accounts;
    valid = true;
  }

  /**
   * Records account {@code ordinal}'s allowance at the full mark under way.
   *
   * @param ledgerSlot the account's ledger index
   * @param slack margin less the requirement whose excess makes it liquidatable; {@code +∞} for an
   *     account that carries no risk (nothing can make it liquidatable but a change of its books)
   * @param sensitivity the sum of |term| over the terms that move with the factors
   * @param magnitude the sum of |term| over every term of the margin and the requirement
   */
  public void allow(
      int ordinal, int ledgerSlot, double slack, double sensitivity, double magnitude) {
    allow(ordinal, ledgerSlot, slack, sensitivity, magnitude, ReadSets.ALL);
  }

  /**
   * Records account {@code ordinal}'s allowance at the full mark under way, for an account whose
   * margin and requirement read only the factors in {@code reads}: every term that moves with some
   * factor multiplies only factors of that set, so a later round compares the allowance with the
   * drift of those factors alone.
   *
   * @param reads bit {@code j} set for each factor {@code j} the account reads ({@code -1L}: every
   *     factor); when the venue has more than 64 factors every account is taken to read all of them
   */
  public void allow(
      int ordinal, int ledgerSlot, double slack, double sensitivity, double magnitude, long reads) {
    slot[ordinal] = ledgerSlot;
    room[ordinal] = relativeRoom(slack, sensitivity, magnitude);
    readSet[ordinal] = sets.numberOf(reads);
  }

  /**
   * The account's room as a fraction of its sensitivity: the margin may lose {@code room ×
   * sensitivity} before the account could be liquidatable. Negative when it has none (liquidatable
   * or too close to call). A drift {@code d} is within the allowance when {@code (1 + d)^3 - 1} is
   * below it, which {@link #due} computes once per scan instead of a root per account.
   */
  static double relativeRoom(double slack, double sensitivity, double magnitude) {
    if (slack == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double room = slack - ROUNDING * (sensitivity + magnitude);
    if (!(room > 0) || !Double.isFinite(sensitivity) || !Double.isFinite(magnitude)) {
      return -1;
    }
    return sensitivity == 0 ? Double.POSITIVE_INFINITY : room / sensitivity;
  }

  /**
   * The largest relative move of every factor that cannot make the account liquidatable, capped at
   * {@link #MAX_DRIFT}; negative when there is none.
   */
  static double allowance(double slack, double sensitivity, double magnitude) {
    double r = relativeRoom(slack, sensitivity, magnitude);
    return r < 0 ? -1 : Math.min(MAX_DRIFT, Math.cbrt(1 + r) - 1);
  }

  /** How much a drift {@code d} of every factor can move a term, relative to the term. */
  static double growth(double d) {
    return (1 + d) * (1 + d) * (1 + d) - 1;
  }

  /** Marks account {@code ordinal}'s books as changed since the full mark (positions, debt). */
  public void touch(int ordinal) {
    if (ordinal < screened) {
      touched[ordinal] = true;
    }
  }

  /** Forgets the full mark: every account is due until the next one. */
  public void invalidate() {
    valid = false;
  }

  /**
   * The largest relative move of any factor since the full mark: {@code +∞} when there was none, a
   * factor is not finite, or a factor that was 0 is not 0 now.
   */
  public double drift(double[] factors) {
    if (!movesAt(factors)) {
      return Double.POSITIVE_INFINITY;
    }
    double d = 0;
    for (double m : moves) {
      d = Math.max(d, m);
    }
    return d;
  }

  /**
   * Writes each factor's relative move since the full mark into {@link #moves}: {@code +∞} for a
   * factor that is not finite or that was 0 and is not now. False when there was no full mark, or
   * the factors are not the ones it read.
   */
  private boolean movesAt(double[] factors) {
    if (!valid || factors.length != reference.length) {
      return false;
    }
    if (moves.length != factors.length) {
      moves = new double[factors.length];
    }
    for (int j = 0; j < factors.length; j++) {
      double was = reference[j];
      double now = factors[j];
      double move = now == was ? 0 : Math.abs(now / was - 1);
      moves[j] = move < Double.POSITIVE_INFINITY ? move : Double.POSITIVE_INFINITY;
    }
    return true;
  }

  /**
   * The ordinals, ascending, of the accounts a round must mark at these factors.
   *
   * @param factors the venue's factors now, in the order of {@link #beginFullMark}
   * @param ledger the ledger holding the venue's accounts
   * @param accounts how many accounts the venue holds now
   * @return a buffer of which the first {@link #dueCount()} entries are the ordinals; reused
   */
  public int[] due(double[] factors, Ledger ledger, int accounts) {
    if (due.length < accounts) {
      due = new int[Math.max(accounts, 2 * due.length)];
    }
    int n = 0;
    if (!movesAt(factors)) {
      for (int k = 0; k < accounts; k++) {
        due[n++] = k;
      }
    } else {
      growthBySet();
      int known = Math.min(screened, accounts);
      long since = transfersAtMark;
      for (int k = 0; k < known; k++) {
        if (!(setGrowth[readSet[k]] < room[k]) || touched[k] || ledger.changedAt(slot[k]) > since) {
          due[n++] = k;
        }
      }
      for (int k = known; k < accounts; k++) {
        due[n++] = k;
      }
    }
    dueCount = n;
    return due;
  }

  /**
   * Each read set's bound on a term's relative growth at its drift, rounded up a little so that
   * rounding cannot make a drift look smaller than it is; NaN (every account of the set due) beyond
   * {@link #MAX_DRIFT}.
   */
  private void growthBySet() {
    if (setGrowth.length < sets.count()) {
      setGrowth = new double[Math.max(sets.count(), 2 * setGrowth.length)];
    }
    for (int s = 0; s < sets.count(); s++) {
      double d = sets.drift(s, moves);
      setGrowth[s] = d <= MAX_DRIFT ? growth(d) * (1 + 1e-9) : Double.NaN;
    }
  }

  /** How many ordinals the last {@link #due} listed. */
  public int dueCount() {
    return dueCount;
  }

  /** The ledger's transfer count at the last full mark. */
  public long transfersAtMark() {
    return transfersAtMark;
  }
}
