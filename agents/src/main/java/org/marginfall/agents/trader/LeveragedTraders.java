package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Directional leveraged traders who open their positions at set-up and hold them.
 *
 * <p>Trader {@code k} draws, in this order and from the population's own stream {@code
 * agents/<id>}, its collateral, its leverage and its side (long with probability {@code
 * longShare}), so adding another population never changes these draws. It deposits its collateral
 * (under isolated margin split across its markets by weight) and opens, per market, notional {@code
 * equity * leverage * weight} at the venue's mark price, where equity is the collateral's value
 * after the venue's haircut. Leverage is capped just below what the account's initial margin
 * allows, {@code 1 / sum_m (w_m / W) IMF_m} over the markets sharing the account, and each position
 * never exceeds the venue's {@code maxOpenSize}, which also honours tiered and portfolio margin.
 *
 * <p>With a {@link TraderRisk} (docs/agents.md), in every trading phase and in member order each
 * trader (1) closes, through {@link PerpetualVenue#reduce}, every position whose mark moved from
 * its entry mark by the stop-loss against it or the take-profit for it; (2) if it panics, cuts
 * {@code reduceFraction} of each open position (all of it when less than one unit of base currency
 * of notional would remain); (3) tops up each margin account whose health is below the buffer from
 * its reserve account {@code <population>/<k>/reserve}, which is endowed at set-up with a draw made
 * after the others. A trader's value for the drawdown is the equity of its margin accounts plus its
 * reserve; the liquidations are the venue's cumulative count now minus {@code lookbackSteps} steps
 * ago. Positions are tracked as opened and reduced by the trader: an account left without
 * maintenance requirement was liquidated and its positions are forgotten, and a reduction larger
 * than what a partial liquidation left closes the rest. Mutable (accounts are opened at set-up) and
 * not thread-safe.
 */
public final class LeveragedTraders implements Population {

  /** Keeps a capped leverage strictly inside the initial-margin limit despite rounding. */
  private static final double LEVERAGE_CAP_FACTOR = 1 - 1e-9;

  private final LeveragedTradersSpec spec;
  private final RandomStream stream;
  private final TraderBook book;
  private PerpetualVenue venue;

  LeveragedTraders(LeveragedTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
    this.book = new TraderBook(spec.risk());
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof PerpetualVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a perpetual venue");
    }
    this.venue = venue;
    book.bind(venue);
    Precision collateral = ctx.precision(spec.collateralAsset());
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      double units = stream.next(spec.collateral());
      double leverage = stream.next(spec.leverage());
      double side = stream.nextUniform() < spec.longShare() ? 1 : -1;
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      long atoms = collateral.floorAtoms(units);
      AccountId reserveAccount = spec.risk().topUp().isPresent() ? wallet.child("reserve") : null;
      book.begin(reserveAccount);
      if (atoms > 0) {
        ctx.endow(wallet, spec.collateralAsset(), atoms);
        openPositions(venue, collateral, wallet, atoms, leverage, side);
      }
      if (reserveAccount != null) {
        long reserve = cash.floorAtoms(stream.next(spec.risk().topUp().get().reserve()));
        ctx.openAccount(reserveAccount);
        if (reserve > 0) {
          ctx.endow(reserveAccount, ctx.baseCurrency(), reserve);
        }
      }
      book.admit(ctx);
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    book.trade(ctx);
  }

  /**
   * Splits the trader's markets by the margin account the venue puts them in (one account under
   * cross margin, one per market under isolated), funds each account with its weight of the
   * collateral, and opens each market with its weight of that account's equity times leverage; each
   * account and position goes to the book's member begun last.
   */
  private void openPositions(
      PerpetualVenue venue,
      Precision collateral,
      AccountId wallet,
      long atoms,
      double leverage,
      double side) {
    Map<AccountId, List<MarketWeight>> groups = new LinkedHashMap<>();
    double totalWeight = 0;
    for (MarketWeight m : spec.markets()) {
      groups.computeIfAbsent(venue.marginAccount(wallet, m.asset()), a -> new ArrayList<>()).add(m);
      totalWeight += m.weight();
    }
    long remaining = atoms;
    int g = 0;
    for (Map.Entry<AccountId, List<MarketWeight>> group : groups.entrySet()) {
      AccountId account = group.getKey();
      book.account(account);
      double groupWeight = group.getValue().stream().mapToDouble(MarketWeight::weight).sum();
      long deposit =
          ++g == groups.size()
              ? remaining
              : collateral.floorAtoms(collateral.units(atoms) * groupWeight / totalWeight);
      venue.deposit(wallet, account, spec.collateralAsset(), deposit);
      remaining -= deposit;
      double equity = venue.marginState(account).equity();
      // The account's initial requirement is sum_m notional_m * IMF_m = equity * L * sum_m (w_m/W)
      // IMF_m,
      // so the largest leverage it allows is 1 / sum_m (w_m/W) / maxLeverage_m.
      double weightedInitialMargin = 0;
      for (MarketWeight m : group.getValue()) {
        weightedInitialMargin += m.weight() / groupWeight / venue.maxLeverage(m.asset());
      }
      double cap = LEVERAGE_CAP_FACTOR / weightedInitialMargin;
      for (MarketWeight m : group.getValue()) {
        double notional = equity * Math.min(leverage, cap) * m.weight() / groupWeight;
        // Tiered or portfolio margin can accept less than the first tier's leverage implies: never
        // ask for more than the venue's own initial-margin test allows.
        double units =
            Math.min(
                notional / venue.markPrice(m.asset()),
                venue.maxOpenSize(account, m.asset(), (int) side) * LEVERAGE_CAP_FACTOR);
        if (units > 0) {
          venue.open(account, m.asset(), side * units);
          book.position(m.asset(), side, venue.markPrice(m.asset()), side * units);
        }
      }
    }
  }
}
