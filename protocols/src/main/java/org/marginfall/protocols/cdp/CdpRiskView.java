package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.oracle.StalePauses;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * How safe the CDP venue's vaults are: a vault as a margin state at oracle prices, the full mark
 * over every vault (which records each vault's allowance with the liquidation screen) and the round
 * mark over the vaults the screen lists, both leaving the liquidatable list; stale-price pauses.
 *
 * <p>Mutable and not thread-safe.
 */
final class CdpRiskView {

  private final CdpContext c;
  private final VaultBook book;
  private final StalePauses stalePauses;
  final CandidateList liquidatable = new CandidateList();
  /** The screen's factors: each collateral type's oracle price, in ilk order. */
  private final double[] factors;
  /** The last round's sort of its unsafe vaults, reused while they and their healths stay put. */
  private final RoundOrder roundOrder = new RoundOrder();

  CdpRiskView(CdpContext c, VaultBook book) {
    this.c = c;
    this.book = book;
    this.stalePauses = new StalePauses(c.spec().staleness());
    this.factors = new double[book.ilks.size()];
  }

  StalePauses stalePauses() {
    return stalePauses;
  }

  /** Marks every vault in the last mark's order and lists the unsafe ones most underwater first. */
  void markToMarket() {
    readMarkPrices();
    book.screen.beginFullMark(readFactors(), c.ledger(), book.size());
    List<Vault> order = book.markOrder;
    int n = order.size();
    MarginState[] states = new MarginState[n];
    double[] health = new double[n];
    AccountId[] ids = new AccountId[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Vault v = order.get(i);
      states[i] = state(book.ink(v), v.debt, v.ilk, v.ilk.markPrice);
      health[i] = states[i].health();
      ids[i] = v.id;
      any |= states[i].liquidatable();
      allow(v, states[i]);
    }
    if (!any) {
      // A quiet mark lists nothing: no sort. The order kept is still a valid start for the next.
      liquidatable.replace(List.of());
      return;
    }
    // Sorting every vault and keeping the liquidatable ones in that order lists the candidates
    // exactly as sorting them alone would: the order is total, accounts being unique.
    List<Vault> sorted = new ArrayList<>(n);
    List<LiquidationCandidate> out = new ArrayList<>();
    for (int i : LiquidationCandidate.mostUnderwaterFirst(health, ids)) {
      Vault v = order.get(i);
      sorted.add(v);
      if (states[i].liquidatable() && !pausedByStaleness(v)) {
        out.add(new LiquidationCandidate(c.spec().id(), v.id, states[i]));
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
    List<Vault> unsafe = new ArrayList<>(dueCount);
    List<MarginState> states = new ArrayList<>(dueCount);
    for (int j = 0; j < dueCount; j++) {
      Vault v = book.vaults.at(due[j]);
      MarginState s = state(book.ink(v), v.debt, v.ilk, v.ilk.markPrice);
      if (s.liquidatable()) {
        unsafe.add(v);
        states.add(s);
      }
    }
    Integer[] order = roundOrder.of(unsafe, states);
    List<LiquidationCandidate> out = new ArrayList<>(order.length);
    for (int i : order) {
      Vault v = unsafe.get(i);
      if (!pausedByStaleness(v)) {
        out.add(new LiquidationCandidate(c.spec().id(), v.id, states.get(i)));
      }
    }
    liquidatable.replace(out);
  }

  /** The health of every vault with debt at current oracle prices (see {@link CdpVenue#healthValues}). */
  double[] healthValues() {
    readMarkPrices();
    double[] out = new double[book.size()];
    int n = 0;
    for (Vault v : book.vaults.values()) {
      double h = state(book.ink(v), v.debt, v.ilk, v.ilk.markPrice).health();
      if (Double.isFinite(h)) {
        out[n++] = h;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The prices {@link #readMarkPrices} read, as the screen's factors. */
  private double[] readFactors() {
    for (int k = 0; k < book.ilks.size(); k++) {
      factors[k] = book.ilks.get(k).markPrice;
    }
    return factors;
  }

  /**
   * Records {@code v}'s allowance: its slack is collateral value less {@code debt × mat}, and only
   * the collateral value moves with the price.
   */
  private void allow(Vault v, MarginState s) {
    if (!(s.maintenanceRequirement() > 0)) {
      book.screen.allow(v.ordinal, v.slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double value = Math.abs(s.equity());
    book.screen.allow(v.ordinal, v.slot, s.equity() - s.maintenanceRequirement(), value, value + s.maintenanceRequirement());
  }

  /** Whether a stale price of the vault's collateral holds its bark back (counted once per step). */
  boolean pausedByStaleness(Vault v) {
    return stalePauses.pauses(c.services().oracles(), c.spec().oracle(), List.of(v.ilk.terms.asset()), c.step());
  }

  MarginState state(Vault v) {
    return state(book.ink(v), v.debt, v.ilk);
  }

  /**
   * The vault as a margin state: equity is collateral at the oracle price, the requirement is
   * {@code debt * mat}, so "below maintenance" is exactly {@code ink * price / mat < debt}.
   */
  MarginState state(long ink, long debt, Ilk ilk) {
    return state(ink, debt, ilk, c.oraclePrice(ilk.terms.asset()));
  }

  private MarginState state(long ink, long debt, Ilk ilk, double price) {
    double value = ilk.collateral.units(ink) * price;
    double required = c.units(debt) * ilk.terms.mat();
    return new MarginState(value, required, required);
  }

  /** Reads each collateral type's oracle price once for a pass over every vault. */
  private void readMarkPrices() {
    for (Ilk ilk : book.ilkValues()) {
      ilk.markPrice = c.oraclePrice(ilk.terms.asset());
    }
  }
}
