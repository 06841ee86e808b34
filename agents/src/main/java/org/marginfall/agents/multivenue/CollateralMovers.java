package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.MarginState;

/**
 * Multi-venue traders who move margin to defend a failing position (contagion channel 4).
 *
 * <p>Set-up draws each member's legs as {@link LegAccounts} describes. At the start of every
 * liquidation round, first every transfer whose arrival tick has come is deposited from the
 * member's {@code <id>/<k>/in-transit} account into its target (in the order sent). Then, if the
 * {@code collateralTransfer} channel is open, each member whose weakest account (lowest health,
 * ties in leg order) is below {@code defendBelow} sends base currency from its healthiest other
 * account: {@code min(need, free)} with {@code need = targetHealth × MM − equity − in flight to it}
 * and {@code free = equity − max(keepHealth × MM, IM)} of the source (less one atom against
 * rounding), bounded by the source's base-currency balance. The venue withdraws it into the
 * in-transit account (refusing below initial margin), it arrives {@code latencySteps} ticks later
 * (at once if 0), and each withdrawal is noted as collateral diverted from the source to the
 * target. Mutable and not thread-safe.
 */
public final class CollateralMovers implements Population {

  private final CollateralMoversSpec spec;
  private final RandomStream stream;
  private final List<Member> members = new ArrayList<>();

  /** Transfers under way, in the order sent. */
  private final List<Transfer> inFlight = new ArrayList<>();

  private record Member(AccountId inTransit, List<AccountId> accounts) {}

  private record Transfer(Member member, int toLeg, long atoms, long sentStep, long arrivalStep) {}

  CollateralMovers(CollateralMoversSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    for (int k = 0; k < spec.count(); k++) {
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      AccountId inTransit = wallet.child("in-transit");
      ctx.openAccount(wallet);
      ctx.openAccount(inTransit);
      members.add(new Member(inTransit, LegAccounts.open(ctx, stream, spec.legs(), wallet)));
    }
  }

  @Override
  public void defend(AgentContext ctx) {
    Precision cash = ctx.precision(ctx.baseCurrency());
    deliver(ctx, cash);
    if (!ctx.channelOpen(Channel.COLLATERAL_TRANSFER)) {
      return;
    }
    for (Member m : members) {
      defend(ctx, cash, m);
    }
  }

  private void deliver(AgentContext ctx, Precision cash) {
    long now = ctx.clock().step();
    for (Iterator<Transfer> it = inFlight.iterator(); it.hasNext(); ) {
      Transfer t = it.next();
      if (t.arrivalStep() <= now) {
        it.remove();
        arrive(ctx, cash, t);
      }
    }
  }

  private void arrive(AgentContext ctx, Precision cash, Transfer t) {
    Leg leg = spec.legs().get(t.toLeg());
    AccountId account = t.member().accounts().get(t.toLeg());
    LegAccounts.venue(ctx, leg)
        .deposit(t.member().inTransit(), account, ctx.baseCurrency(), t.atoms());
    ctx.emit(
        new CollateralArrived(
            ctx.clock().step(),
            ctx.clock().round(),
            leg.venue().value(),
            account.value(),
            cash.units(t.atoms()),
            t.sentStep()));
  }

  private void defend(AgentContext ctx, Precision cash, Member m) {
    int n = spec.legs().size();
    MarginState[] states = new MarginState[n];
    int weakest = -1;
    int healthiest = -1;
    for (int i = 0; i < n; i++) {
      states[i] = LegAccounts.venue(ctx, spec.legs().get(i)).marginState(m.accounts().get(i));
      if (states[i].maintenanceRequirement() > 0
          && (weakest < 0 || states[i].health() < states[weakest].health())) {
        weakest = i;
      }
    }
    if (weakest < 0 || !(states[weakest].health() < spec.defendBelow())) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (i != weakest && (healthiest < 0 || states[i].health() > states[healthiest].health())) {
        healthiest = i;
      }
    }
    double need =
        spec.targetHealth() * states[weakest].maintenanceRequirement()
            - states[weakest].equity()
            - cash.units(inFlightTo(m, weakest));
    MarginState src = states[healthiest];
    double free =
        src.equity()
            - Math.max(spec.keepHealth() * src.maintenanceRequirement(), src.initialRequirement());
    AssetId base = ctx.baseCurrency();
    AccountId from = m.accounts().get(healthiest);
    // min(need, free - 1 atom, balance), each amount converted only up to the balance.
    long atoms =
        cash.ceilAtomsAtMost(
            Math.max(0, need),
            cash.floorAtomsAtMost(Math.max(0, free), ctx.balance(from, base) + 1) - 1);
    if (atoms <= 0) {
      return;
    }
    Leg source = spec.legs().get(healthiest);
    Leg target = spec.legs().get(weakest);
    AccountId to = m.accounts().get(weakest);
    LegAccounts.venue(ctx, source).withdraw(from, base, atoms, m.inTransit());
    // Noted before the arrival, while the defended account is as weak as what made it call.
    ctx.noteCollateralDiverted(source.venue(), from, target.venue(), to, cash.units(atoms));
    long now = ctx.clock().step();
    Transfer t = new Transfer(m, weakest, atoms, now, now + spec.latencySteps());
    ctx.emit(
        new CollateralSent(
            now,
            ctx.clock().round(),
            source.venue().value(),
            from.value(),
            target.venue().value(),
            to.value(),
            cash.units(atoms),
            t.arrivalStep()));
    if (spec.latencySteps() == 0) {
      arrive(ctx, cash, t);
    } else {
      inFlight.add(t);
    }
  }

  private long inFlightTo(Member m, int leg) {
    long sum = 0;
    for (Transfer t : inFlight) {
      if (t.member() == m && t.toLeg() == leg) {
        sum += t.atoms();
      }
    }
    return sum;
  }
}
