package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.oracle.StalePauses;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * How safe the CDP venue's vaults are: a vault as a margin state at oracle prices, the full mark
 * over every vault (which records each vault's allowance with the liquidation screen) and the round
 * mark over the vaults the screen lists, both leaving the liquidatable list; stale-price pauses.
 *
 * <p>A pass over every vault ({@link #markAll}) writes each vault's collateral value and
 * requirement into columns by ordinal without allocating per vault, by the formula of {@link
 * #state(long, long, Ilk)}; the record's health values reuse the full mark's columns while no
 * balance, debt, vault or price has changed since.
 *
 * <p>Mutable and not thread-safe.
 */
final class CdpRiskView {

  private final CdpContext c;
  private final VaultBook book;
  private final StalePauses stalePauses;
  final CandidateList liquidatable = new CandidateList();

  /**
   * Each collateral type's oracle price as {@link #readMarkPrices} read it, its precision and mat.
   */
  private final double[] price;

  private final Precision[] collateral;
  private final double[] mat;

  /** The screen's factors: each collateral type's oracle price, in ilk order. */
  private final double[] factors;

  /** The last round's order of its unsafe vaults, merged with the changed ones each round. */
  private final RoundOrder roundOrder = new RoundOrder();

  /** The last pass over every vault, by ordinal: collateral value and {@code debt × mat}. */
  private double[] value = new double[16];

  private double[] required = new double[16];

  /** What the last pass read: vaults, ledger transfers, debt changes and prices; -1 for none. */
  private int passVaults = -1;

  private long passTransfers;
  private long passDebtChanges;
  private final double[] passPrice;

  /** A round's unsafe vaults: ordinal, health, id, value and requirement. */
  private int[] unsafeOrdinal = new int[16];

  private double[] unsafeHealth = new double[16];
  private AccountId[] unsafeId = new AccountId[16];
  private double[] unsafeValue = new double[16];
  private double[] unsafeRequired = new double[16];

  /**
   * Each collateral type's stale-price pause in the current round: 0 not asked, 1 paused, -1 not.
   */
  private final int[] roundPaused;

  /** The candidate last made for each vault by ordinal, reused while its values are unchanged. */
  private LiquidationCandidate[] lastCandidate = new LiquidationCandidate[16];

  /** The list the last round mark made (immutable, so the candidate list takes it uncopied). */
  private List<LiquidationCandidate> lastRound = List.of();

  CdpRiskView(CdpContext c, VaultBook book) {
    this.c = c;
    this.book = book;
    this.stalePauses = new StalePauses(c.spec().staleness());
    int n = book.ilks.size();
    this.price = new double[n];
    this.passPrice = new double[n];
    this.roundPaused = new int[n];
    this.collateral = new Precision[n];
    this.mat = new double[n];
    for (Ilk ilk : book.ilks) {
      collateral[ilk.index] = ilk.collateral;
      mat[ilk.index] = ilk.terms.mat();
    }
    this.factors = new double[n];
  }

  StalePauses stalePauses() {
    return stalePauses;
  }

  /** Marks every vault and lists the unsafe ones most underwater first. */
  void markToMarket() {
    readMarkPrices();
    int n = book.size();
    book.screen.beginFullMark(readFactors(), c.ledger(), n);
    pass(n);
    boolean any = false;
    for (int k = 0; k < n; k++) {
      allow(k);
      any |= unsafeAt(k);
    }
    if (!any) {
      // A quiet mark lists nothing: no sort. The order kept is still a valid start for the next.
      liquidatable.replace(List.of());
      return;
    }
    // Sorting every vault (in the last mark's order, so nearly sorted) and keeping the unsafe ones
    // in that order lists them exactly as sorting them alone would: the order is total, accounts
    // being unique.
    int[] order = book.markOrder;
    double[] health = new double[n];
    AccountId[] ids = new AccountId[n];
    for (int i = 0; i < n; i++) {
      health[i] = healthAt(order[i]);
      ids[i] = book.vaults.at(order[i]).id;
    }
    int[] sorted = new int[order.length];
    List<LiquidationCandidate> out = new ArrayList<>();
    Integer[] byHealth = LiquidationCandidate.mostUnderwaterFirst(health, ids);
    for (int j = 0; j < n; j++) {
      int k = order[byHealth[j]];
      sorted[j] = k;
      if (unsafeAt(k)) {
        Vault v = book.vaults.at(k);
        if (!pausedByStaleness(v)) {
          out.add(
              new LiquidationCandidate(
                  c.spec().id(), v.id, new MarginState(value[k], required[k], required[k])));
        }
      }
    }
    book.markOrder = sorted;
    liquidatable.replace(out);
  }

  /**
   * Marks only the vaults the screen says could have become unsafe since the last full mark, and
   * lists them as {@link #markToMarket()} would: the order of the unsafe vaults among all vaults is
   * their order among themselves.
   */
  void markLiquidationCandidates() {
    readMarkPrices();
    int[] due = book.screen.due(readFactors(), c.ledger(), book.size());
    int dueCount = book.screen.dueCount();
    growUnsafe(dueCount);
    int m = 0;
    for (int j = 0; j < dueCount; j++) {
      int k = due[j];
      int ilk = book.ilkAt(k);
      double v = collateral[ilk].units(book.inkAt(k)) * price[ilk];
      double r = c.units(book.debtAt(k)) * mat[ilk];
      if (r > 0 && v < r) {
        unsafeOrdinal[m] = k;
        unsafeHealth[m] = v / r;
        unsafeId[m] = book.vaults.at(k).id;
        unsafeValue[m] = v;
        unsafeRequired[m] = r;
        m++;
      }
    }
    int[] order = roundOrder.of(m, unsafeOrdinal, unsafeHealth, unsafeId);
    Arrays.fill(roundPaused, 0);
    // While the candidates are the last round's, in its order, nothing is built: a backlog held
    // back by the auction limits lists the same vaults round after round.
    List<LiquidationCandidate> last = lastRound;
    List<LiquidationCandidate> out = null;
    int same = 0;
    for (int j = 0; j < m; j++) {
      int i = order[j];
      int k = unsafeOrdinal[i];
      if (!pausedThisRound(k)) {
        LiquidationCandidate made = candidate(k, unsafeId[i], unsafeValue[i], unsafeRequired[i]);
        if (out == null) {
          if (same < last.size() && last.get(same) == made) {
            same++;
            continue;
          }
          out = new ArrayList<>(m);
          out.addAll(last.subList(0, same));
        }
        out.add(made);
      }
    }
    if (out != null) {
      lastRound = List.copyOf(out);
    } else if (same < last.size()) {
      lastRound = List.copyOf(last.subList(0, same));
    }
    liquidatable.replace(lastRound);
  }

  /**
   * Whether a stale price holds vault {@code k}'s bark back, asked of the guard once per collateral
   * type in a round: nothing the guard reads changes within one, and the pause is counted once per
   * step however often it is asked.
   */
  private boolean pausedThisRound(int k) {
    int ilk = book.ilkAt(k);
    if (roundPaused[ilk] == 0) {
      roundPaused[ilk] = pausedByStaleness(book.vaults.at(k)) ? 1 : -1;
    }
    return roundPaused[ilk] > 0;
  }

  /**
   * Vault {@code k}'s candidate at {@code value} and {@code required}: the one made last for it
   * when it was made for the same vault at the same values (a held-back vault is listed every
   * round, often unchanged), else a new one kept for the next round.
   */
  private LiquidationCandidate candidate(int k, AccountId id, double value, double required) {
    if (k >= lastCandidate.length) {
      lastCandidate = Arrays.copyOf(lastCandidate, Math.max(k + 1, 2 * lastCandidate.length));
    }
    LiquidationCandidate last = lastCandidate[k];
    if (last != null
        && (last.account() == id || last.account().equals(id))
        && Double.doubleToRawLongBits(last.state().equity()) == Double.doubleToRawLongBits(value)
        && Double.doubleToRawLongBits(last.state().maintenanceRequirement())
            == Double.doubleToRawLongBits(required)) {
      return last;
    }
    LiquidationCandidate made =
        new LiquidationCandidate(c.spec().id(), id, new MarginState(value, required, required));
    lastCandidate[k] = made;
    return made;
  }

  /**
   * The health of every vault with debt at current oracle prices (see {@link
   * CdpVenue#healthValues}).
   */
  double[] healthValues() {
    double[] out = new double[book.size()];
    return Arrays.copyOf(out, healthValues(out));
  }

  /**
   * Writes {@link #healthValues()} into {@code out} (at least {@code book.size()} long) from 0;
   * returns how many.
   */
  int healthValues(double[] out) {
    readMarkPrices();
    int n = book.size();
    if (!passIsCurrent(n)) {
      pass(n);
    }
    int m = 0;
    for (int k = 0; k < n; k++) {
      double h = healthAt(k);
      if (Double.isFinite(h)) {
        out[m++] = h;
      }
    }
    return m;
  }

  /**
   * The health pass: writes the collateral value and requirement of vaults {@code 0 .. n-1} at the
   * prices {@link #readMarkPrices} read last into the caller's columns, allocating nothing.
   */
  void markAll(int n, double[] valueOut, double[] requiredOut) {
    for (int k = 0; k < n; k++) {
      int ilk = book.ilkAt(k);
      valueOut[k] = collateral[ilk].units(book.inkAt(k)) * price[ilk];
      requiredOut[k] = c.units(book.debtAt(k)) * mat[ilk];
    }
  }

  /** Runs the health pass into this view's columns and remembers what it read. */
  private void pass(int n) {
    if (n > value.length) {
      value = Arrays.copyOf(value, Math.max(n, 2 * value.length));
      required = Arrays.copyOf(required, value.length);
    }
    markAll(n, value, required);
    passVaults = n;
    passTransfers = c.ledger().transferCount();
    passDebtChanges = book.debtChanges();
    System.arraycopy(price, 0, passPrice, 0, price.length);
  }

  /** Whether the columns hold what a pass would write now: nothing they read has changed. */
  private boolean passIsCurrent(int n) {
    if (passVaults != n
        || passTransfers != c.ledger().transferCount()
        || passDebtChanges != book.debtChanges()) {
      return false;
    }
    for (int i = 0; i < price.length; i++) {
      if (Double.doubleToRawLongBits(price[i]) != Double.doubleToRawLongBits(passPrice[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@link MarginState#health()} of vault {@code k} at the last pass. */
  private double healthAt(int k) {
    return required[k] > 0 ? value[k] / required[k] : Double.POSITIVE_INFINITY;
  }

  /** {@link MarginState#liquidatable()} of vault {@code k} at the last pass. */
  private boolean unsafeAt(int k) {
    return required[k] > 0 && value[k] < required[k];
  }

  private void growUnsafe(int n) {
    if (n > unsafeOrdinal.length) {
      int size = Math.max(n, 2 * unsafeOrdinal.length);
      unsafeOrdinal = Arrays.copyOf(unsafeOrdinal, size);
      unsafeHealth = Arrays.copyOf(unsafeHealth, size);
      unsafeId = Arrays.copyOf(unsafeId, size);
      unsafeValue = Arrays.copyOf(unsafeValue, size);
      unsafeRequired = Arrays.copyOf(unsafeRequired, size);
    }
  }

  /** The prices {@link #readMarkPrices} read, as the screen's factors. */
  private double[] readFactors() {
    System.arraycopy(price, 0, factors, 0, price.length);
    return factors;
  }

  /**
   * Records vault {@code k}'s allowance: its slack is collateral value less {@code debt × mat}, and
   * only the collateral value moves, with its own collateral type's price (the one factor it
   * reads).
   */
  private void allow(int k) {
    double equity = value[k];
    double requirement = required[k];
    int slot = book.slotAt(k);
    if (!(requirement > 0)) {
      book.screen.allow(k, slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double moving = Math.abs(equity);
    int ilk = book.ilkAt(k);
    long reads = ilk < Long.SIZE ? 1L << ilk : -1L;
    book.screen.allow(k, slot, equity - requirement, moving, moving + requirement, reads);
  }

  /**
   * Whether a stale price of the vault's collateral holds its bark back (counted once per step).
   */
  boolean pausedByStaleness(Vault v) {
    return stalePauses.pauses(
        c.services().oracles(), c.spec().oracle(), List.of(v.ilk.terms.asset()), c.step());
  }

  MarginState state(Vault v) {
    return state(book.ink(v), book.debt(v), v.ilk);
  }

  /**
   * The vault as a margin state: equity is collateral at the oracle price, the requirement is
   * {@code debt * mat}, so "below maintenance" is exactly {@code ink * price / mat < debt}.
   */
  MarginState state(long ink, long debt, Ilk ilk) {
    double value = ilk.collateral.units(ink) * c.oraclePrice(ilk.terms.asset());
    double required = c.units(debt) * ilk.terms.mat();
    return new MarginState(value, required, required);
  }

  /** Reads each collateral type's oracle price once for a pass over every vault. */
  private void readMarkPrices() {
    for (Ilk ilk : book.ilkValues()) {
      price[ilk.index] = c.oraclePrice(ilk.terms.asset());
    }
  }
}
