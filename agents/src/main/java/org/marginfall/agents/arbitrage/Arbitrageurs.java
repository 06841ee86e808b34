package org.marginfall.agents.arbitrage;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * Arbitrageurs who close the gap between a lending receipt's secondary-market price and its NAV.
 *
 * <p>Arbitrageur {@code k} draws its capital from the stream {@code agents/<id>} at set-up and
 * holds it in base currency in its wallet. In every arbitrage phase, in id order, each one:
 *
 * <ol>
 *   <li>redeems any receipts it still holds at the issuer ({@link LendingVenue#withdraw}); a
 *       refusal (the reserve lacks the cash) is retried for half as much until one succeeds or
 *       nothing is left to ask for;
 *   <li>if receipts are still held (the issuer cannot pay), it does not buy; it sells them when
 *       {@code price > NAV (1 + cost)};
 *   <li>otherwise, while {@code price < NAV (1 - cost)} and its step budget {@code min(maxPerStep,
 *       base balance)} lasts, it buys a slice of {@code maxPerStep / slices} base currency of
 *       receipts, redeems them at once and, if the underlying has a shared market and is not the
 *       base currency, sells the underlying for base currency; a refused redemption ends its
 *       buying.
 * </ol>
 *
 * <p>NAV is {@code exchangeRate * market price of the underlying}, the NAV the venue declares. The
 * arbitrageurs do not know the market's depth, so slicing is what stops them near {@code NAV (1 -
 * cost)}; a step's spending can pass {@code maxPerStep} by the last slice's own impact. Every step
 * ends with an {@link ArbitrageTrade} event per arbitrageur that did something. Mutable (wallets)
 * and not thread-safe.
 */
public final class Arbitrageurs implements Population {

  private final ArbitrageursSpec spec;
  private final RandomStream stream;
  private final List<AccountId> wallets = new ArrayList<>();
  private LendingVenue venue;
  private AssetId receipt;

  Arbitrageurs(ArbitrageursSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  /** The arbitrageurs' wallets, in id order. */
  public List<AccountId> wallets() {
    return List.copyOf(wallets);
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof LendingVenue lending)) {
      throw new IllegalStateException(spec.venue() + " is not a lending venue");
    }
    this.venue = lending;
    this.receipt = lending.receipt(spec.asset());
    if (!ctx.hasMarket(receipt)) {
      throw new IllegalStateException(
          spec.id() + ": receipt " + receipt + " has no secondary market (add one under markets)");
    }
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      long atoms = cash.floorAtoms(stream.next(spec.capital()));
      if (atoms > 0) {
        ctx.endow(wallet, ctx.baseCurrency(), atoms);
      }
      wallets.add(wallet);
    }
  }

  /** The receipt's NAV per unit now. */
  public double nav(AgentContext ctx) {
    return ArbitrageRules.nav(venue.exchangeRate(spec.asset()), ctx.marketPrice(spec.asset()));
  }

  @Override
  public void arbitrage(AgentContext ctx) {
    for (AccountId wallet : wallets) {
      act(ctx, wallet);
    }
  }

  private void act(AgentContext ctx, AccountId wallet) {
    AssetId base = ctx.baseCurrency();
    Precision cash = ctx.precision(base);
    Precision receipts = ctx.precision(receipt);
    long boughtAtoms = 0;
    long spentAtoms = 0;
    long redeemedAtoms = 0;
    long soldAtoms = 0;
    boolean refused = false;
    long held = ctx.balance(wallet, receipt);
    if (held > 0) {
      long r = redeem(ctx, wallet, held);
      redeemedAtoms += r;
      refused = r < held;
    }
    double slice = spec.maxPerStep() / spec.slices();
    if (refused) {
      long left = ctx.balance(wallet, receipt);
      while (left > 0 && ArbitrageRules.premium(ctx.marketPrice(receipt), nav(ctx), spec.cost())) {
        long atoms =
            Math.min(
                left,
                ArbitrageRules.sliceAtoms(
                    Double.POSITIVE_INFINITY, slice, ctx.marketPrice(receipt), receipts));
        if (atoms <= 0) {
          atoms = left;
        }
        ctx.sell(wallet, receipt, atoms);
        soldAtoms += atoms;
        left -= atoms;
      }
    } else {
      double budget = Math.min(spec.maxPerStep(), cash.units(ctx.balance(wallet, base)));
      while (budget > 0
          && ArbitrageRules.discount(ctx.marketPrice(receipt), nav(ctx), spec.cost())) {
        long atoms = ArbitrageRules.sliceAtoms(budget, slice, ctx.marketPrice(receipt), receipts);
        long paid = buy(ctx, wallet, atoms);
        if (paid < 0) {
          break; // not even one atom is affordable
        }
        long bought = ctx.balance(wallet, receipt);
        boughtAtoms += bought;
        spentAtoms += paid;
        budget -= cash.units(paid);
        long r = redeem(ctx, wallet, bought);
        redeemedAtoms += r;
        if (r < bought) {
          refused = true;
          break;
        }
      }
    }
    sellUnderlying(ctx, wallet);
    if (boughtAtoms > 0 || redeemedAtoms > 0 || soldAtoms > 0 || refused) {
      ctx.emit(
          new ArbitrageTrade(
              ctx.clock().step(),
              0,
              spec.venue().value(),
              wallet.value(),
              receipt.value(),
              receipts.units(boughtAtoms),
              cash.units(spentAtoms),
              receipts.units(redeemedAtoms),
              receipts.units(soldAtoms),
              refused,
              ctx.marketPrice(receipt),
              nav(ctx)));
    }
  }

  /**
   * Buys {@code atoms} of receipts, or half as many after each refusal (the price impact made them
   * cost more than the wallet holds).
   *
   * @return base atoms paid, or -1 if nothing could be bought
   */
  private long buy(AgentContext ctx, AccountId wallet, long atoms) {
    AssetId base = ctx.baseCurrency();
    for (long a = atoms; a > 0; a /= 2) {
      long before = ctx.balance(wallet, base);
      try {
        ctx.buy(wallet, receipt, a);
        return before - ctx.balance(wallet, base);
      } catch (IllegalStateException cannotPay) {
        // retry smaller
      }
    }
    return -1;
  }

  /**
   * Redeems up to {@code atoms} receipts: the whole amount, or after each refusal half of what was
   * last asked, while anything is left.
   *
   * @return receipt atoms redeemed
   */
  private long redeem(AgentContext ctx, AccountId wallet, long atoms) {
    long left = atoms;
    long ask = atoms;
    while (left > 0 && ask > 0) {
      try {
        venue.withdraw(wallet, spec.asset(), ask);
        left -= ask;
        ask = Math.min(ask, left);
      } catch (IllegalStateException noCash) {
        ask /= 2;
      }
    }
    return atoms - left;
  }

  /** Sells the underlying the redemptions paid, when it is a traded spot asset. */
  private void sellUnderlying(AgentContext ctx, AccountId wallet) {
    AssetId u = spec.asset();
    if (u.equals(ctx.baseCurrency()) || !ctx.hasMarket(u)) {
      return;
    }
    long atoms = ctx.balance(wallet, u);
    if (atoms > 0) {
      ctx.sell(wallet, u, atoms);
    }
  }
}
