package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Opens a multi-venue member's legs at set-up, as leveraged traders open theirs: per leg, in leg
 * order, it draws the margin, the leverage and the side from the population's stream, deposits the
 * margin from the member's wallet and opens notional {@code equity × min(leverage, cap)} at the
 * venue's mark price, where the cap sits just below the market's maximum leverage and the size
 * never exceeds the venue's {@code maxOpenSize}. Stateless and thread-safe.
 */
final class LegAccounts {

  /** Keeps a capped leverage strictly inside the initial-margin limit despite rounding. */
  private static final double LEVERAGE_CAP_FACTOR = 1 - 1e-9;

  private LegAccounts() {}

  /** The perpetual venue of {@code leg}. */
  static PerpetualVenue venue(AgentContext ctx, Leg leg) {
    Venue v = ctx.venue(leg.venue());
    if (!(v instanceof PerpetualVenue p)) {
      throw new IllegalStateException(leg.venue() + " is not a perpetual venue");
    }
    return p;
  }

  /**
   * Endows {@code wallet} with each leg's margin and opens the legs.
   *
   * @return the venue margin account of each leg, in leg order
   */
  static List<AccountId> open(
      AgentContext ctx, RandomStream stream, List<Leg> legs, AccountId wallet) {
    List<AccountId> accounts = new ArrayList<>();
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (Leg leg : legs) {
      double margin = stream.next(leg.margin());
      double leverage = stream.next(leg.leverage());
      double side = stream.nextUniform() < leg.longShare() ? 1 : -1;
      PerpetualVenue venue = venue(ctx, leg);
      AccountId account = venue.marginAccount(wallet, leg.market());
      accounts.add(account);
      long atoms = cash.floorAtoms(margin);
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallet, ctx.baseCurrency(), atoms);
      venue.deposit(wallet, account, ctx.baseCurrency(), atoms);
      MarginState s = venue.marginState(account);
      double cap = LEVERAGE_CAP_FACTOR * venue.maxLeverage(leg.market());
      double units =
          Math.min(
              s.equity() * Math.min(leverage, cap) / venue.markPrice(leg.market()),
              venue.maxOpenSize(account, leg.market(), (int) side) * LEVERAGE_CAP_FACTOR);
      if (units > 0) {
        venue.open(account, leg.market(), side * units);
      }
    }
    return accounts;
  }
}
