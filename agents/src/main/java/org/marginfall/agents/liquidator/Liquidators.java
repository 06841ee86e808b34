package org.marginfall.agents.liquidator;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * Liquidators that work through the venues' liquidatable lists each round, bounded by their
 * capital and by a per-round throughput, bid in the venues' collateral auctions, and sell whatever
 * collateral they acquire straight into the shared market.
 *
 * <p>Each candidate, in the order the venues report them (most underwater first), is offered to the
 * liquidators in turn, starting after the one that took the previous candidate, so work spreads
 * across the population deterministically. A liquidator that cannot pay for an account's
 * collateral, or has used its throughput for the round, passes. Selling seized collateral at once
 * is what turns a liquidation on one venue into a price move every venue sees.
 *
 * <p>Auctions (Maker-style Dutch auctions, {@link Venue#auctions()}) are bid on after the barks of
 * every liquidation round; the engine runs liquidation rounds while auctions are open, even in ticks
 * where no account is liquidatable, because an auction's price keeps falling. A lot is taken while its
 * price is at most the market price times {@code 1 - minAuctionDiscount}, by the liquidators in the
 * same rotation, each buying as much as its base currency pays for; a take counts against the
 * round's throughput like a liquidation. Mutable and not thread-safe.
 */
public final class Liquidators implements Population {

  private final LiquidatorsSpec spec;
  private final RandomStream stream;
  private final Set<VenueId> venues;
  private AccountId[] accounts;
  private int[] usedThisRound;
  private int next;
  private long lastStep = -1;
  private int lastRound = -1;

  Liquidators(LiquidatorsSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
    this.venues = new HashSet<>(spec.venues());
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    accounts = new AccountId[spec.count()];
    usedThisRound = new int[spec.count()];
    for (int k = 0; k < spec.count(); k++) {
      accounts[k] = AgentAccounts.member(spec.id(), k, spec.count(), 3);
      ctx.openAccount(accounts[k]);
      ctx.endow(accounts[k], ctx.baseCurrency(), Quantities.floorAtoms(stream.next(spec.capital())));
    }
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    startRound(ctx);
    int executed = 0;
    for (LiquidationCandidate c : candidates) {
      if (!venues.isEmpty() && !venues.contains(c.venue())) {
        continue;
      }
      for (int tried = 0; tried < accounts.length; tried++) {
        int k = (next + tried) % accounts.length;
        if (usedThisRound[k] >= spec.maxPerRound()) {
          continue;
        }
        Optional<LiquidationOutcome> outcome = ctx.liquidate(c.venue(), c.account(), accounts[k]);
        if (outcome.isPresent()) {
          usedThisRound[k]++;
          executed++;
          for (Holding h : outcome.get().acquired()) {
            ctx.sell(accounts[k], h.asset(), h.atoms());
          }
          next = (k + 1) % accounts.length;
          break;
        }
      }
    }
    return executed + bid(ctx);
  }

  private void startRound(AgentContext ctx) {
    if (ctx.clock().step() != lastStep || ctx.clock().round() != lastRound) {
      Arrays.fill(usedThisRound, 0);
      lastStep = ctx.clock().step();
      lastRound = ctx.clock().round();
    }
  }

  /** Bids in the open auctions of the venues served, in venue then lot order; returns the takes. */
  private int bid(AgentContext ctx) {
    int taken = 0;
    for (Venue venue : ctx.venues()) {
      if (!venues.isEmpty() && !venues.contains(venue.id())) {
        continue;
      }
      for (AuctionLot listed : venue.auctions()) {
        taken += bidOn(ctx, venue, listed.id());
      }
    }
    return taken;
  }

  /**
   * Takes from one lot until it is gone, its price no longer beats the market by the minimum
   * discount (the market falls as the liquidators sell), or no liquidator can act.
   */
  private int bidOn(AgentContext ctx, Venue venue, long lotId) {
    int taken = 0;
    while (true) {
      Optional<AuctionLot> current = venue.auctions().stream().filter(l -> l.id() == lotId).findFirst();
      if (current.isEmpty()) {
        return taken;
      }
      AuctionLot lot = current.get();
      if (!(lot.price() > 0) || lot.price() > ctx.marketPrice(lot.asset()) * (1 - spec.minAuctionDiscount())) {
        return taken;
      }
      boolean took = false;
      for (int tried = 0; tried < accounts.length && !took; tried++) {
        int k = (next + tried) % accounts.length;
        if (usedThisRound[k] >= spec.maxPerRound()) {
          continue;
        }
        long affordable = (long) Math.floor(ctx.balance(accounts[k], ctx.baseCurrency()) / lot.price());
        long atoms = Math.min(lot.atoms(), affordable);
        if (atoms <= 0) {
          continue;
        }
        Optional<AuctionTake> t = ctx.take(venue.id(), lot.id(), accounts[k], atoms, lot.price());
        if (t.isPresent()) {
          usedThisRound[k]++;
          taken++;
          ctx.sell(accounts[k], t.get().asset(), t.get().atoms());
          next = (k + 1) % accounts.length;
          took = true;
        }
      }
      if (!took) {
        return taken;
      }
    }
  }
}
