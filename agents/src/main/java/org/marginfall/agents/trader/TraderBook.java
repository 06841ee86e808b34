package org.marginfall.agents.trader;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;

/**
 * What a population's {@link TraderRisk} rules do each trading phase with the positions its traders
 * hold on one perpetual venue: stop-loss and take-profit exits, panic cuts and top-ups from a
 * reserve (docs/agents.md). Traders whose positions were drawn ({@link LeveragedTraders}) and
 * traders loaded from a snapshot ({@link SnapshotTraders}) share it, so a rule acts on both alike.
 *
 * <p>The members are held as columns ({@link TraderColumns}) and stepped in one pass in member
 * order. The pass asks the venue only what a rule can use: an account's state only when it has a
 * position left to forget, a drawdown to measure or a top-up to test, a drawdown only when that
 * trigger is on, and each mark and state at most once between two moves of the pass ({@link
 * VenueReads}); every decision is the one the per-trader rules of docs/agents.md take, in the same
 * order. Mutable and not thread-safe.
 */
final class TraderBook {

  private final TraderRisk risk;
  private final LiquidationWatch watch;
  private final TraderColumns columns = new TraderColumns();
  private PerpetualVenue venue;
  private VenueReads reads;

  TraderBook(TraderRisk risk) {
    this.risk = risk;
    this.watch = risk.panic().map(p -> new LiquidationWatch(p.lookbackSteps())).orElse(null);
  }

  /** The venue the members trade on; set at set-up, before any member is begun. */
  void bind(PerpetualVenue venue) {
    this.venue = venue;
    this.reads = new VenueReads(venue, columns);
  }

  /** Starts a member; {@code reserve} is its reserve account, null without a top-up rule. */
  void begin(AccountId reserve) {
    columns.begin(reserve);
  }

  /** Adds a margin account to the member begun last. */
  void account(AccountId marginAccount) {
    columns.account(marginAccount);
  }

  /** Adds a position the member begun last opened in the account it added last. */
  void position(AssetId market, double side, double entryMark, double size) {
    columns.position(market, side, entryMark, size);
  }

  /** Whether the member begun last has a margin account. */
  boolean beganWithAccounts() {
    return columns.pendingHasAccounts();
  }

  /**
   * Starts following the member begun last when a rule is active (its value now is its first peak);
   * forgets it otherwise.
   */
  void admit(AgentContext ctx) {
    if (!risk.active()) {
      columns.rollback();
      return;
    }
    reads.newPass();
    int m = columns.members();
    columns.commit(value(ctx, m));
  }

  /** Forgets the member begun last: none of its accounts was opened. */
  void drop() {
    columns.rollback();
  }

  /** Applies the rules to every member, in member order (see {@link LeveragedTraders}). */
  void trade(AgentContext ctx) {
    int members = columns.members();
    if (members == 0) {
      return;
    }
    long recent = watch == null ? 0 : watch.observe(venue.snapshot().liquidations());
    reads.newPass();
    Panic panic = risk.panic().orElse(null);
    TopUp topUp = risk.topUp().orElse(null);
    boolean exits = risk.stopLoss() > 0 || risk.takeProfit() > 0;
    for (int m = 0; m < members; m++) {
      forgetLiquidated(m);
      if (exits) {
        exit(m);
      }
      if (panic != null) {
        panic(ctx, m, panic, recent);
      }
      if (topUp != null) {
        topUp(ctx, m, topUp);
      }
    }
  }

  /** Closes every held position whose mark move reached the stop-loss or the take-profit. */
  private void exit(int m) {
    for (int p = columns.positionStart(m); p < columns.positionStart(m + 1); p++) {
      double size = columns.size(p);
      if (size != 0
          && risk.exits(
              TraderRisk.favourableMove(
                  columns.side(p), columns.entryMark(p), reads.mark(columns.positionMarket(p))))) {
        cut(p, size);
      }
    }
  }

  private void panic(AgentContext ctx, int m, Panic p, long recent) {
    double drawdown = 0;
    if (p.drawdown() > 0) {
      // The value and its peak matter only to the drawdown trigger.
      double value = value(ctx, m);
      double peak = Math.max(columns.peak(m), value);
      columns.peak(m, peak);
      drawdown = peak > 0 ? Math.max(0, 1 - value / peak) : 0;
    }
    if (p.triggered(drawdown, recent)) {
      for (int h = columns.positionStart(m); h < columns.positionStart(m + 1); h++) {
        double size = columns.size(h);
        if (size != 0) {
          // A remainder worth less than one unit of base currency is closed with the cut
          // rather than halved forever.
          double rest =
              Math.abs(size) * (1 - p.reduceFraction()) * reads.mark(columns.positionMarket(h));
          cut(h, rest < 1 ? size : size * p.reduceFraction());
        }
      }
    }
  }

  private void topUp(AgentContext ctx, int m, TopUp t) {
    AssetId base = ctx.baseCurrency();
    Precision cash = ctx.precision(base);
    AccountId reserve = columns.reserve(m);
    for (int a = columns.accountStart(m); a < columns.accountStart(m + 1); a++) {
      MarginState s = reads.state(a);
      double need =
          TraderRisk.topUpNeed(s.equity(), s.maintenanceRequirement(), t.below(), t.target());
      if (need == 0) {
        continue; // no atoms to move, whatever the reserve holds
      }
      long atoms = cash.ceilAtomsAtMost(need, ctx.balance(reserve, base));
      if (atoms > 0) {
        reads.changed();
        venue.deposit(reserve, columns.account(a), base, atoms);
      }
    }
  }

  /**
   * Reduces held position {@code p} by {@code size} units (same sign as the position, at most all
   * of it).
   */
  private void cut(int p, double size) {
    reads.changed();
    try {
      venue.reduce(
          columns.account(columns.positionAccount(p)),
          columns.markets().get(columns.positionMarket(p)),
          size);
    } catch (IllegalStateException refused) {
      // The venue refused before moving anything: the loss is not payable in base currency (the
      // account holds only non-base collateral) or the position is already gone. The trader keeps
      // what it has and the liquidation engine deals with it.
      return;
    }
    double held = columns.size(p);
    double left = held - size;
    columns.size(p, Math.abs(left) <= 1e-12 * Math.abs(held) ? 0 : left);
  }

  /**
   * Drops positions in accounts the venue liquidated: they no longer carry a maintenance
   * requirement. Only an account with a position left to drop is asked.
   */
  private void forgetLiquidated(int m) {
    int first = columns.positionStart(m);
    int end = columns.positionStart(m + 1);
    for (int a = columns.accountStart(m); a < columns.accountStart(m + 1); a++) {
      if (holds(a, first, end) && reads.state(a).maintenanceRequirement() == 0) {
        for (int p = first; p < end; p++) {
          if (columns.positionAccount(p) == a) {
            columns.size(p, 0);
          }
        }
      }
    }
  }

  /** Whether a position in {@code [first, end)} is still held in account slot {@code a}. */
  private boolean holds(int a, int first, int end) {
    for (int p = first; p < end; p++) {
      if (columns.positionAccount(p) == a && columns.size(p) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The trader's value: its reserve plus the equity of its margin accounts. */
  private double value(AgentContext ctx, int m) {
    AssetId base = ctx.baseCurrency();
    AccountId reserve = columns.reserve(m);
    double v = reserve == null ? 0 : ctx.precision(base).units(ctx.balance(reserve, base));
    for (int a = columns.accountStart(m); a < columns.accountStart(m + 1); a++) {
      v += reads.state(a).equity();
    }
    return v;
  }
}
