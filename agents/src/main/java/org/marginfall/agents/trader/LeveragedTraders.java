package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Directional leveraged traders who open their positions at set-up and hold them.
 *
 * <p>Trader {@code k} draws, in this order and from the population's own stream {@code
 * agents/<id>}, its collateral, its leverage and its side (long with probability {@code longShare}),
 * so adding another population never changes these draws. It deposits its collateral (under
 * isolated margin split across its markets by weight) and opens, per market, notional {@code
 * equity * leverage * weight} at the venue's mark price, where equity is the collateral's value after
 * the venue's haircut. Leverage is capped just below what the account's initial margin allows,
 * {@code 1 / sum_m (w_m / W) IMF_m} over the markets sharing the account, and each position never
 * exceeds the venue's {@code maxOpenSize}, which also honours tiered and portfolio margin.
 * Mutable (accounts are opened at set-up) and not thread-safe.
 */
public final class LeveragedTraders implements Population {

  /** Keeps a capped leverage strictly inside the initial-margin limit despite rounding. */
  private static final double LEVERAGE_CAP_FACTOR = 1 - 1e-9;

  private final LeveragedTradersSpec spec;
  private final RandomStream stream;

  LeveragedTraders(LeveragedTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
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
    for (int k = 0; k < spec.count(); k++) {
      double units = stream.next(spec.collateral());
      double leverage = stream.next(spec.leverage());
      double side = stream.nextUniform() < spec.longShare() ? 1 : -1;
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      long atoms = Quantities.floorAtoms(units);
      if (atoms > 0) {
        ctx.endow(wallet, spec.collateralAsset(), atoms);
        openPositions(venue, wallet, atoms, leverage, side);
      }
    }
  }

  /**
   * Splits the trader's markets by the margin account the venue puts them in (one account under
   * cross margin, one per market under isolated), funds each account with its weight of the
   * collateral, and opens each market with its weight of that account's equity times leverage.
   */
  private void openPositions(PerpetualVenue venue, AccountId wallet, long atoms, double leverage, double side) {
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
      double groupWeight = group.getValue().stream().mapToDouble(MarketWeight::weight).sum();
      long deposit =
          ++g == groups.size() ? remaining : Quantities.floorAtoms(Quantities.units(atoms) * groupWeight / totalWeight);
      venue.deposit(wallet, account, spec.collateralAsset(), deposit);
      remaining -= deposit;
      double equity = venue.marginState(account).equity();
      // The account's initial requirement is sum_m notional_m * IMF_m = equity * L * sum_m (w_m/W) IMF_m,
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
        }
      }
    }
  }
}
