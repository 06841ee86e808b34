package org.marginfall.agents.basis;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.agents.trader.TraderRisk;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Delta-neutral basis traders: long spot as lending collateral, short the perpetual.
 *
 * <p>Set-up: trader {@code k} draws its spot units, its perp margin and its reserve, in this order,
 * from the stream {@code agents/<id>}; supplies the units as collateral of its lending account;
 * borrows {@code min(borrowLtv, LTV (1 - 1e-6))} of the collateral value in base currency into its
 * reserve account {@code <population>/<k>/reserve} (when {@code borrowLtv > 0}); deposits its
 * margin on the perp venue and shorts {@code units * lending price / perp mark} units (equal
 * notional), capped by the venue's {@code maxOpenSize}.
 *
 * <p>Every trading phase, in member order, an active trader (1) tops up: when perp health {@code
 * equity / MMR} is below {@code topUpBelow} it deposits {@code topUpTo * MMR - equity} of base
 * currency from its reserve and, with {@code borrowToTopUp}, borrows what the reserve lacks within
 * the lending LTV; (2) unwinds when, after that, perp health is below {@code unwindPerpHealth} or
 * the lending health factor is below {@code unwindHealthFactor}: it closes the short through the
 * shared book ({@link PerpetualVenue#reduce}) and repays its base-currency debt from its reserve as
 * far as it holds. An unwound trader stops; a trader whose short the venue liquidated repays and
 * stops too. The spot collateral stays supplied: the lending interface has no collateral withdrawal
 * yet. Mutable (accounts) and not thread-safe.
 */
public final class BasisTraders implements Population {

  /** Keeps capped amounts strictly inside venue limits despite rounding. */
  private static final double CAP_FACTOR = 1 - 1e-6;

  private final BasisTradersSpec spec;
  private final RandomStream stream;
  private final List<Member> members = new ArrayList<>();
  private LendingVenue lending;
  private PerpetualVenue perp;

  /** The base currency's precision (reserve, borrows, top-ups, debt), read at set-up. */
  private Precision cash;

  /** The precision of the lending receipt of the spot asset, read at set-up. */
  private Precision receipts;

  private long unwinds;
  private long topUps;

  /** One trader's accounts and state. */
  private static final class Member {
    final AccountId reserve;
    final AccountId loan;
    final AccountId margin;
    double size;
    boolean active = true;

    Member(AccountId reserve, AccountId loan, AccountId margin) {
      this.reserve = reserve;
      this.loan = loan;
      this.margin = margin;
    }
  }

  BasisTraders(BasisTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  /** Traders that have unwound so far. */
  public long unwinds() {
    return unwinds;
  }

  /** Top-ups executed so far. */
  public long topUps() {
    return topUps;
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue l = ctx.venue(spec.lendingVenue());
    Venue p = ctx.venue(spec.perpVenue());
    if (!(l instanceof LendingVenue lv) || !(p instanceof PerpetualVenue pv)) {
      throw new IllegalStateException(
          spec.lendingVenue()
              + " must be a lending and "
              + spec.perpVenue()
              + " a perpetual venue");
    }
    this.lending = lv;
    this.perp = pv;
    AssetId base = ctx.baseCurrency();
    this.cash = ctx.precision(base);
    this.receipts = ctx.precision(lending.receipt(spec.asset()));
    Precision spot = ctx.precision(spec.asset());
    Precision marginPrecision = ctx.precision(spec.marginAsset());
    for (int k = 0; k < spec.count(); k++) {
      long units = spot.floorAtoms(stream.next(spec.units()));
      long margin = marginPrecision.floorAtoms(stream.next(spec.margin()));
      long reserve = cash.floorAtoms(stream.next(spec.reserve()));
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      Member m =
          new Member(
              wallet.child("reserve"),
              lending.account(wallet),
              perp.marginAccount(wallet, spec.asset()));
      ctx.openAccount(m.reserve);
      if (reserve > 0) {
        ctx.endow(m.reserve, base, reserve);
      }
      if (units <= 0) {
        continue;
      }
      ctx.endow(wallet, spec.asset(), units);
      lending.depositCollateral(wallet, m.loan, spec.asset(), units);
      if (spec.borrowLtv() > 0) {
        double cap = lending.loanToValue(spec.asset()) * CAP_FACTOR;
        long borrow =
            cash.floorAtoms(
                collateralValue(ctx, m) * Math.min(spec.borrowLtv(), cap) / lending.price(base));
        if (borrow > 0) {
          lending.borrow(m.loan, base, borrow, m.reserve);
        }
      }
      if (margin > 0) {
        ctx.endow(wallet, spec.marginAsset(), margin);
        perp.deposit(wallet, m.margin, spec.marginAsset(), margin);
      }
      double size =
          Math.min(
              spot.units(units) * lending.price(spec.asset()) / perp.markPrice(spec.asset()),
              perp.maxOpenSize(m.margin, spec.asset(), -1) * (1 - 1e-9));
      if (size > 0) {
        perp.open(m.margin, spec.asset(), -size);
        m.size = -size;
      }
      members.add(m);
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    AssetId base = ctx.baseCurrency();
    for (Member m : members) {
      if (!m.active) {
        continue;
      }
      MarginState s = perp.marginState(m.margin);
      if (m.size != 0 && s.maintenanceRequirement() == 0) {
        // The venue liquidated the short: only the lending leg is left to unwind.
        m.size = 0;
        repay(ctx, m);
        m.active = false;
        unwinds++;
        continue;
      }
      double need =
          TraderRisk.topUpNeed(
              s.equity(), s.maintenanceRequirement(), spec.topUpBelow(), spec.topUpTo());
      if (need > 0) {
        long wanted = cash.ceilAtoms(need);
        long fromReserve = Math.min(wanted, ctx.balance(m.reserve, base));
        if (spec.borrowToTopUp() && fromReserve < wanted) {
          long borrow = Math.min(wanted - fromReserve, borrowRoom(ctx, m));
          if (borrow > 0) {
            try {
              lending.borrow(m.loan, base, borrow, m.reserve);
            } catch (IllegalStateException refused) {
              // The reserve lacks the cash or a cap binds (the venue moved nothing): the top-up
              // is what the reserve holds.
            }
          }
        }
        long deposit = Math.min(wanted, ctx.balance(m.reserve, base));
        if (deposit > 0) {
          perp.deposit(m.reserve, m.margin, base, deposit);
          topUps++;
        }
        s = perp.marginState(m.margin);
      }
      if (s.health() < spec.unwindPerpHealth()
          || lending.healthFactor(m.loan) < spec.unwindHealthFactor()) {
        unwind(ctx, m);
      }
    }
  }

  /**
   * Closes the short and repays debt from the reserve; stays active only if the venue refused the
   * close.
   */
  private void unwind(AgentContext ctx, Member m) {
    if (m.size != 0) {
      try {
        perp.reduce(m.margin, spec.asset(), m.size);
        m.size = 0;
      } catch (IllegalStateException refused) {
        // The loss is not payable in base currency: the short stays and the trader tries again.
      }
    }
    repay(ctx, m);
    if (m.size == 0) {
      m.active = false;
      unwinds++;
    }
  }

  private void repay(AgentContext ctx, Member m) {
    AssetId base = ctx.baseCurrency();
    long owed = cash.ceilAtoms(lending.debt(m.loan, base));
    long pay = Math.min(owed, ctx.balance(m.reserve, base));
    if (pay > 0) {
      lending.repay(m.reserve, m.loan, base, pay);
    }
  }

  /** The spot collateral's value at the lending venue: receipts x exchange rate x price. */
  private double collateralValue(AgentContext ctx, Member m) {
    return receipts.units(ctx.balance(m.loan, lending.receipt(spec.asset())))
        * lending.exchangeRate(spec.asset())
        * lending.price(spec.asset());
  }

  /**
   * Base atoms the account may still borrow: (collateral value x LTV - debt value) / base price,
   * kept inside the limit.
   */
  private long borrowRoom(AgentContext ctx, Member m) {
    AssetId base = ctx.baseCurrency();
    double limit = collateralValue(ctx, m) * lending.loanToValue(spec.asset());
    double debt = lending.debt(m.loan, base) * lending.price(base);
    return Math.max(0, cash.floorAtoms((limit - debt) * CAP_FACTOR / lending.price(base)));
  }
}
