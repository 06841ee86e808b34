package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;

/**
 * A test liquidator with an endowed base-currency balance: it liquidates every candidate it is
 * given and sells the collateral it acquired into the shared market at once. The balance is given
 * in units and turned into atoms at set-up, at the precision the run counts the base currency in.
 */
final class GreedyLiquidator implements Population {

  private final String id;
  private final AccountId account;
  private final double baseUnits;

  GreedyLiquidator(String id, AccountId account, double baseUnits) {
    this.id = id;
    this.account = account;
    this.baseUnits = baseUnits;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void setUp(AgentContext ctx) {
    ctx.openAccount(account);
    ctx.endow(account, ctx.baseCurrency(), ctx.precision(ctx.baseCurrency()).atoms(baseUnits));
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    int done = 0;
    for (LiquidationCandidate c : candidates) {
      var outcome = ctx.venue(c.venue()).liquidate(c.account(), account);
      if (outcome.isPresent()) {
        done++;
        sellAcquired(ctx, outcome.get());
      }
    }
    return done;
  }

  private void sellAcquired(AgentContext ctx, LiquidationOutcome outcome) {
    for (Holding h : outcome.acquired()) {
      if (h.atoms() > 0) {
        ctx.sell(account, h.asset(), h.atoms());
      }
    }
  }
}
