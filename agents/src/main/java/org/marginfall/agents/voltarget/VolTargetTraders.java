package org.marginfall.agents.voltarget;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Volatility-targeting traders: each holds notional {@code L * equity} in one perpetual market,
 * with {@code L = min(maxLeverage, targetVol / realised vol)} and the realised volatility the EWMA
 * of squared log returns of the venue's mark price, annualised ({@link VolTargeting}).
 *
 * <p>Trader {@code k} draws its collateral and then its side from the stream {@code agents/<id>},
 * deposits the collateral and opens at the leverage of {@code initialVol}. In each trading phase
 * the population updates one shared estimate from the mark's log return since the previous phase
 * (the first phase only records the mark), and each trader whose notional is off target by more
 * than {@code band} of the target rebalances: up with {@link PerpetualVenue#open} (capped by the
 * venue's {@code maxOpenSize}), down with {@link PerpetualVenue#reduce} through the shared book. A
 * trader whose account the venue liquidated stops. Mutable (accounts and estimate) and not
 * thread-safe.
 */
public final class VolTargetTraders implements Population {

  /** Keeps a capped open strictly inside the initial-margin limit despite rounding. */
  private static final double CAP_FACTOR = 1 - 1e-9;

  private final VolTargetTradersSpec spec;
  private final RandomStream stream;
  private final List<AccountId> accounts = new ArrayList<>();
  private final List<Double> sides = new ArrayList<>();
  private final List<Double> sizes = new ArrayList<>();
  private PerpetualVenue venue;
  private double variance;
  private double previousMark = Double.NaN;

  VolTargetTraders(VolTargetTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
    this.variance = spec.initialVol() * spec.initialVol() / spec.stepsPerYear();
  }

  @Override
  public String id() {
    return spec.id();
  }

  /** The current per-step variance estimate. */
  public double variance() {
    return variance;
  }

  /** The leverage the population targets now. */
  public double targetLeverage() {
    return VolTargeting.leverage(
        spec.targetVol(), variance, spec.stepsPerYear(), spec.maxLeverage());
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof PerpetualVenue perp)) {
      throw new IllegalStateException(spec.venue() + " is not a perpetual venue");
    }
    this.venue = perp;
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      long atoms = cash.floorAtoms(stream.next(spec.collateral()));
      double side = stream.nextUniform() < spec.longShare() ? 1 : -1;
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallet, ctx.baseCurrency(), atoms);
      AccountId account = venue.marginAccount(wallet, spec.market());
      venue.deposit(wallet, account, ctx.baseCurrency(), atoms);
      accounts.add(account);
      sides.add(side);
      sizes.add(0.0);
      rebalance(accounts.size() - 1);
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    if (accounts.isEmpty()) {
      return;
    }
    double mark = venue.markPrice(spec.market());
    if (!Double.isNaN(previousMark)) {
      variance =
          VolTargeting.ewmaVariance(variance, StrictMath.log(mark / previousMark), spec.lambda());
    }
    previousMark = mark;
    for (int k = 0; k < accounts.size(); k++) {
      if (Double.isNaN(sizes.get(k))) {
        continue;
      }
      if (sizes.get(k) != 0 && venue.marginState(accounts.get(k)).maintenanceRequirement() == 0) {
        sizes.set(k, Double.NaN); // liquidated: the trader stops
        continue;
      }
      rebalance(k);
    }
  }

  /** Moves trader {@code k}'s notional to {@code L * equity} when it is outside the band. */
  private void rebalance(int k) {
    AccountId account = accounts.get(k);
    double side = sides.get(k);
    double size = sizes.get(k);
    double mark = venue.markPrice(spec.market());
    double equity = venue.marginState(account).equity();
    double target = Math.max(0, targetLeverage() * equity);
    double current = Math.abs(size) * mark;
    if (!VolTargeting.outsideBand(current, target, spec.band())) {
      return;
    }
    if (target > current) {
      double units =
          Math.min(
              (target - current) / mark,
              venue.maxOpenSize(account, spec.market(), (int) side) * CAP_FACTOR);
      if (units > 0) {
        venue.open(account, spec.market(), side * units);
        sizes.set(k, size + side * units);
      }
    } else {
      double units = Math.min(Math.abs(size), (current - target) / mark);
      try {
        venue.reduce(account, spec.market(), side * units);
        sizes.set(k, size - side * units);
      } catch (IllegalStateException refused) {
        // The loss is not payable in base currency: the trader keeps the position this step.
      }
    }
  }
}
