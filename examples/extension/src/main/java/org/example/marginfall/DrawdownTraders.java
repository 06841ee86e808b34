package org.example.marginfall;

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
 * Long traders who de-risk after a drawdown: trader {@code k} draws its collateral from the stream
 * {@code agents/<id>}, deposits it and goes long {@code leverage × collateral} of notional, or as
 * much as the venue's {@code maxOpenSize} allows (nothing when that is below 1% of it). In every
 * trading phase each trader still holding its whole position compares its equity with the highest
 * equity it has had; once the equity is {@code drawdown} or more below that peak, it closes {@code
 * cut} of its position through the venue's {@code reduce}, once. A trader whose position the venue
 * liquidated stops.
 *
 * <p>A drawdown stop, the simplest drawdown control (Grossman and Zhou, "Optimal investment
 * strategies for controlling drawdowns", Mathematical Finance 3(3), 1993). Mutable and not
 * thread-safe.
 */
public final class DrawdownTraders implements Population {

  /** The metrics in {@code summary.json}, in this order. */
  static final List<String> METRICS =
      List.of(
          "positions",
          "openedNotional",
          "derisked",
          "firstDeriskStep",
          "reducedNotional",
          "liquidated");

  /** Keeps a capped open strictly inside the venue's limits despite rounding. */
  private static final double CAP_FACTOR = 1 - 1e-9;

  /** The smallest part of its wanted position a trader bothers to open when the venue caps it. */
  private static final double MIN_SHARE = 0.01;

  private enum State {
    HOLDING,
    DERISKED,
    LIQUIDATED
  }

  private final DrawdownTradersSpec spec;
  private final RandomStream stream;
  private final List<AccountId> accounts = new ArrayList<>();
  private final List<Double> units = new ArrayList<>();
  private final List<Double> peaks = new ArrayList<>();
  private final List<State> states = new ArrayList<>();
  private PerpetualVenue venue;
  private double openedNotional;
  private double reducedNotional;
  private int derisked;
  private long firstDeriskStep = -1;

  DrawdownTraders(DrawdownTradersSpec spec, RandomStream stream) {
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
    if (!(v instanceof PerpetualVenue perp)) {
      throw new IllegalStateException(spec.venue() + " is not a perpetual venue");
    }
    venue = perp;
    Precision cash = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      double collateral = stream.next(spec.collateral());
      long atoms = cash.floorAtoms(collateral);
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallet, ctx.baseCurrency(), atoms);
      AccountId account = venue.marginAccount(wallet, spec.market());
      venue.deposit(wallet, account, ctx.baseCurrency(), atoms);
      double mark = venue.markPrice(spec.market());
      double wanted = spec.leverage() * cash.units(atoms) / mark;
      double size = Math.min(wanted, venue.maxOpenSize(account, spec.market(), 1) * CAP_FACTOR);
      if (size < MIN_SHARE * wanted) {
        continue; // the venue leaves (almost) no room: the trader keeps its collateral idle
      }
      venue.open(account, spec.market(), size);
      openedNotional += size * mark;
      accounts.add(account);
      units.add(size);
      peaks.add(venue.marginState(account).equity());
      states.add(State.HOLDING);
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    for (int k = 0; k < accounts.size(); k++) {
      if (states.get(k) == State.LIQUIDATED) {
        continue;
      }
      AccountId account = accounts.get(k);
      if (venue.marginState(account).maintenanceRequirement() == 0) {
        states.set(k, State.LIQUIDATED); // the venue closed the position
        continue;
      }
      if (states.get(k) == State.HOLDING) {
        watch(ctx, k, account);
      }
    }
  }

  /** Updates trader {@code k}'s peak and cuts its position once the drawdown reaches the limit. */
  private void watch(AgentContext ctx, int k, AccountId account) {
    double equity = venue.marginState(account).equity();
    double peak = Math.max(peaks.get(k), equity);
    peaks.set(k, peak);
    if (equity > (1 - spec.drawdown()) * peak) {
      return;
    }
    double size = units.get(k) * spec.cut();
    double mark = venue.markPrice(spec.market());
    try {
      venue.reduce(account, spec.market(), size);
    } catch (IllegalStateException refused) {
      return; // the realised loss is not payable in base currency: it tries again next step
    }
    units.set(k, units.get(k) - size);
    states.set(k, State.DERISKED);
    reducedNotional += size * mark;
    derisked++;
    if (firstDeriskStep < 0) {
      firstDeriskStep = ctx.clock().step();
    }
  }

  @Override
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("positions", (double) accounts.size());
    m.put("openedNotional", openedNotional);
    m.put("derisked", (double) derisked);
    m.put("firstDeriskStep", firstDeriskStep < 0 ? null : (double) firstDeriskStep);
    m.put("reducedNotional", reducedNotional);
    m.put("liquidated", (double) states.stream().filter(s -> s == State.LIQUIDATED).count());
    return m;
  }
}
