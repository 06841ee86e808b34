package org.marginfall.protocols.cdp;

import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.Venue;

/**
 * A test keeper: it barks every unsafe vault it is offered and, in the liquidation rounds and in
 * every arbitrage phase, buys whole lots whose auction price is at or below the market price, as
 * far as its base currency goes. It keeps what it buys.
 */
final class AuctionKeeper implements Population {

  private final String id;
  private final AccountId account;
  private final double base;

  AuctionKeeper(String id, AccountId account, double base) {
    this.id = id;
    this.account = account;
    this.base = base;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void setUp(AgentContext ctx) {
    ctx.openAccount(account);
    ctx.endow(account, ctx.baseCurrency(), ctx.precision(ctx.baseCurrency()).atoms(base));
  }

  @Override
  public void arbitrage(AgentContext ctx) {
    bid(ctx);
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    int done = 0;
    for (LiquidationCandidate c : candidates) {
      if (ctx.venue(c.venue()).liquidate(c.account(), account).isPresent()) {
        done++;
      }
    }
    return done + bid(ctx);
  }

  private int bid(AgentContext ctx) {
    int done = 0;
    for (Venue v : ctx.venues()) {
      for (AuctionLot lot : v.auctions()) {
        if (lot.price() <= ctx.marketPrice(lot.asset())) {
          // Base atoms over the price are lot atoms when both count the same decimals; else scale
          // by the lot's atoms per base atom, an exact power of ten either way.
          long lotUnit = ctx.precision(lot.asset()).atomsPerUnit();
          long baseUnit = ctx.precision(ctx.baseCurrency()).atomsPerUnit();
          double atoms = ctx.balance(account, ctx.baseCurrency()) / lot.price();
          long affordable =
              (long)
                  Math.floor(
                      lotUnit >= baseUnit
                          ? atoms * (lotUnit / baseUnit)
                          : atoms / (baseUnit / lotUnit));
          if (v.take(lot.id(), account, Math.min(lot.atoms(), affordable), lot.price())
              .isPresent()) {
            done++;
          }
        }
      }
    }
    return done;
  }
}
