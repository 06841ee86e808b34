package org.marginfall.agents.markarb;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.PerpetualVenue;

/**
 * Capital-limited arbitrageurs who close the gap between a perpetual venue's mark price and the
 * shared (reference) market: the limits-of-arbitrage mechanism of Shleifer and Vishny (1997), "The
 * Limits of Arbitrage", J. Finance 52(1):35-55.
 *
 * <p>At set-up arbitrageur {@code k} draws its capital from the population's stream {@code
 * agents/<id>} and is endowed with it in base currency. In every arbitrage phase (after the
 * traders, before the liquidation rounds) each arbitrageur in member order places up to {@code
 * slices} orders of at most {@code maxPerStep / slices} base currency each, re-reading the venue's
 * mark {@code M} and the market price {@code P} before each: while {@code P < M (1 - cost)} it buys
 * (as much as its cash pays after impact), while {@code P > M (1 + cost)} it sells what it holds;
 * it stops at the first order the gap does not justify, when its step budget is spent, or when it
 * has nothing left to trade. Buying a dip below a lagging mark supports the market in a crash until
 * the capital is spent, which is the point: an arbitrageur is a buyer of last resort with a budget.
 * Mutable (accounts) and not thread-safe.
 */
public final class MarkArbitrageurs implements Population {

  private final MarkArbitrageursSpec spec;
  private final RandomStream stream;
  private final List<AccountId> wallets = new ArrayList<>();

  MarkArbitrageurs(MarkArbitrageursSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    if (!(ctx.venue(spec.venue()) instanceof PerpetualVenue)) {
      throw new IllegalStateException(spec.venue() + " is not a perpetual venue");
    }
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      long atoms = cash.floorAtoms(stream.next(spec.capital()));
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      if (atoms > 0) {
        ctx.endow(wallet, ctx.baseCurrency(), atoms);
      }
      wallets.add(wallet);
    }
  }

  @Override
  public void arbitrage(AgentContext ctx) {
    PerpetualVenue venue = (PerpetualVenue) ctx.venue(spec.venue());
    double slice = spec.maxPerStep() / spec.slices();
    Precision cashPrecision = ctx.precision(ctx.baseCurrency());
    Precision assetPrecision = ctx.precision(spec.asset());
    for (AccountId wallet : wallets) {
      double traded = 0;
      for (int s = 0; s < spec.slices() && traded < spec.maxPerStep(); s++) {
        double mark = venue.markPrice(spec.asset());
        double price = ctx.marketPrice(spec.asset());
        double budget = Math.min(slice, spec.maxPerStep() - traded);
        Execution e;
        if (price < mark * (1 - spec.cost())) {
          double cash = cashPrecision.units(ctx.balance(wallet, ctx.baseCurrency()));
          long atoms = assetPrecision.floorAtoms(Math.min(budget, cash) / price);
          if (atoms <= 0) {
            break;
          }
          e = buyWithin(ctx, wallet, atoms);
          if (e == null) {
            break;
          }
        } else if (price > mark * (1 + spec.cost())) {
          long atoms =
              assetPrecision.floorAtomsAtMost(budget / price, ctx.balance(wallet, spec.asset()));
          if (atoms <= 0) {
            break;
          }
          e = ctx.sell(wallet, spec.asset(), atoms);
        } else {
          break;
        }
        traded += Math.abs(e.value());
      }
    }
  }

  /**
   * Buys {@code atoms}, or half as many each time the cash cannot pay the order after its impact
   * (the market refuses before anything moves); null when not even one atom is affordable.
   */
  private Execution buyWithin(AgentContext ctx, AccountId wallet, long atoms) {
    for (long a = atoms; a > 0; a /= 2) {
      try {
        return ctx.buy(wallet, spec.asset(), a);
      } catch (IllegalStateException cannotPay) {
        // try a smaller order
      }
    }
    return null;
  }

  /** The arbitrageurs' wallets, in member order. */
  List<AccountId> wallets() {
    return List.copyOf(wallets);
  }
}
