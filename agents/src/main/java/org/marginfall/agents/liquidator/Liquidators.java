package org.marginfall.agents.liquidator;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueId;

/**
 * Liquidators that work through the venues' liquidatable lists each round, bounded by their
 * capital and by a per-round throughput, and sell whatever collateral they acquire straight into
 * the shared market.
 *
 * <p>Each candidate, in the order the venues report them (most underwater first), is offered to the
 * liquidators in turn, starting after the one that took the previous candidate, so work spreads
 * across the population deterministically. A liquidator that cannot pay for an account's
 * collateral, or has used its throughput for the round, passes. Selling seized collateral at once
 * is what turns a liquidation on one venue into a price move every venue sees. Mutable and not
 * thread-safe.
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
    int digits = Math.max(3, String.valueOf(spec.count() - 1).length());
    for (int k = 0; k < spec.count(); k++) {
      accounts[k] = AccountId.of(spec.id(), String.format(Locale.ROOT, "%0" + digits + "d", k));
      ctx.openAccount(accounts[k]);
      ctx.endow(accounts[k], ctx.baseCurrency(), Quantities.floorAtoms(stream.next(spec.capital())));
    }
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    if (ctx.clock().step() != lastStep || ctx.clock().round() != lastRound) {
      Arrays.fill(usedThisRound, 0);
      lastStep = ctx.clock().step();
      lastRound = ctx.clock().round();
    }
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
        Optional<LiquidationOutcome> outcome = ctx.venue(c.venue()).liquidate(c.account(), accounts[k]);
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
    return executed;
  }
}
