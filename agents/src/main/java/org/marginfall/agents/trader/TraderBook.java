package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;

/**
 * The positions a population of traders holds on one perpetual venue and what its {@link
 * TraderRisk} rules do with them each trading phase: stop-loss and take-profit exits, panic cuts
 * and top-ups from a reserve (docs/agents.md). Traders whose positions were drawn ({@link
 * LeveragedTraders}) and traders loaded from a snapshot ({@link SnapshotTraders}) share it, so a
 * rule acts on both alike. Mutable and not thread-safe.
 */
final class TraderBook {

  /** A position the trader opened and still holds, as far as it knows. */
  static final class Held {
    final AccountId account;
    final AssetId market;
    final double side;
    final double entryMark;
    double size;

    Held(AccountId account, AssetId market, double side, double entryMark, double size) {
      this.account = account;
      this.market = market;
      this.side = side;
      this.entryMark = entryMark;
      this.size = size;
    }
  }

  /** One trader's accounts and positions. */
  static final class Member {
    /** The reserve account; null without a top-up rule. */
    final AccountId reserve;

    final List<AccountId> accounts = new ArrayList<>();
    final List<Held> held = new ArrayList<>();
    double peak;

    Member(AccountId reserve) {
      this.reserve = reserve;
    }
  }

  private final TraderRisk risk;
  private final List<Member> members = new ArrayList<>();
  private final LiquidationWatch watch;
  private PerpetualVenue venue;

  TraderBook(TraderRisk risk) {
    this.risk = risk;
    this.watch = risk.panic().map(p -> new LiquidationWatch(p.lookbackSteps())).orElse(null);
  }

  /** The venue the members trade on; set at set-up, before any member is admitted. */
  void bind(PerpetualVenue venue) {
    this.venue = venue;
  }

  /** Starts following {@code m} when a rule is active: its value now is its first peak. */
  void admit(AgentContext ctx, Member m) {
    if (risk.active()) {
      m.peak = value(ctx, m);
      members.add(m);
    }
  }

  /** Applies the rules to every member, in member order (see {@link LeveragedTraders}). */
  void trade(AgentContext ctx) {
    if (members.isEmpty()) {
      return;
    }
    long recent = watch == null ? 0 : watch.observe(venue.snapshot().liquidations());
    for (Member m : members) {
      forgetLiquidated(m);
      for (Held h : m.held) {
        if (h.size != 0
            && risk.exits(
                TraderRisk.favourableMove(h.side, h.entryMark, venue.markPrice(h.market)))) {
          cut(h, h.size);
        }
      }
      if (risk.panic().isPresent()) {
        panic(ctx, m, risk.panic().get(), recent);
      }
      if (risk.topUp().isPresent()) {
        topUp(ctx, m, risk.topUp().get());
      }
    }
  }

  private void panic(AgentContext ctx, Member m, Panic p, long recent) {
    double value = value(ctx, m);
    m.peak = Math.max(m.peak, value);
    double drawdown = m.peak > 0 ? Math.max(0, 1 - value / m.peak) : 0;
    if (p.triggered(drawdown, recent)) {
      for (Held h : m.held) {
        if (h.size != 0) {
          // A remainder worth less than one unit of base currency is closed with the cut
          // rather than halved forever.
          double rest = Math.abs(h.size) * (1 - p.reduceFraction()) * venue.markPrice(h.market);
          cut(h, rest < 1 ? h.size : h.size * p.reduceFraction());
        }
      }
    }
  }

  private void topUp(AgentContext ctx, Member m, TopUp t) {
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (AccountId account : m.accounts) {
      MarginState s = venue.marginState(account);
      double need =
          TraderRisk.topUpNeed(s.equity(), s.maintenanceRequirement(), t.below(), t.target());
      long atoms = cash.ceilAtomsAtMost(need, ctx.balance(m.reserve, ctx.baseCurrency()));
      if (atoms > 0) {
        venue.deposit(m.reserve, account, ctx.baseCurrency(), atoms);
      }
    }
  }

  /**
   * Reduces a held position by {@code size} units (same sign as the position, at most all of it).
   */
  private void cut(Held h, double size) {
    try {
      venue.reduce(h.account, h.market, size);
    } catch (IllegalStateException refused) {
      // The venue refused before moving anything: the loss is not payable in base currency (the
      // account holds only non-base collateral) or the position is already gone. The trader keeps
      // what it has and the liquidation engine deals with it.
      return;
    }
    double left = h.size - size;
    h.size = Math.abs(left) <= 1e-12 * Math.abs(h.size) ? 0 : left;
  }

  /**
   * Drops positions in accounts the venue liquidated: they no longer carry a maintenance
   * requirement.
   */
  private void forgetLiquidated(Member m) {
    for (AccountId account : m.accounts) {
      if (venue.marginState(account).maintenanceRequirement() == 0) {
        for (Held h : m.held) {
          if (h.account.equals(account)) {
            h.size = 0;
          }
        }
      }
    }
  }

  /** The trader's value: equity of its margin accounts plus its reserve. */
  private double value(AgentContext ctx, Member m) {
    AssetId base = ctx.baseCurrency();
    double v = m.reserve == null ? 0 : ctx.precision(base).units(ctx.balance(m.reserve, base));
    for (AccountId account : m.accounts) {
      v += venue.marginState(account).equity();
    }
    return v;
  }
}
