package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;

/**
 * Traders with one collateral pool behind positions on several venues (contagion channel 3).
 *
 * <p>At set-up member {@code k} draws, from the stream {@code agents/<id>}, its pool amounts (pool
 * order) and then each leg's margin, leverage and side (leg order); the pool is the ledger account
 * {@code <id>/<k>/pool}. At the start of every liquidation round, for each member in order, its
 * legs whose health (equity / maintenance) is below {@code topUpBelow} are defended weakest first
 * (ties in leg order): the pool deposits, asset by asset in pool order, the atoms that bring the
 * account back to {@code targetHealth} at the asset's market price ({@code (targetHealth × MM −
 * equity) / P}, re-measured after each asset since the venue may count it at a haircut), within the
 * leg's room under {@link SharingLimits}. With the {@code sharedPool} channel closed the limits are
 * isolated ({@code share = 0}). For every draw, the part taken from the common atoms is noted as
 * collateral diverted from every other leg the asset could have gone to. Mutable and not
 * thread-safe.
 */
public final class PooledTraders implements Population {

  private final PooledTradersSpec spec;
  private final RandomStream stream;
  private final List<Member> members = new ArrayList<>();

  /** The precision of each pool asset, read at set-up. */
  private final Map<AssetId, Precision> precisions = new LinkedHashMap<>();

  /** One member's accounts and what its pool has left. */
  private record Member(AccountId pool, List<AccountId> accounts, PoolBudget budget) {}

  PooledTraders(PooledTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    SharingLimits limits =
        ctx.channelOpen(Channel.SHARED_POOL) ? spec.limits() : spec.limits().isolated();
    for (PoolAsset a : spec.pool()) {
      precisions.put(a.asset(), ctx.precision(a.asset()));
    }
    for (int k = 0; k < spec.count(); k++) {
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      AccountId pool = wallet.child("pool");
      ctx.openAccount(wallet);
      ctx.openAccount(pool);
      Map<AssetId, Long> atoms = new LinkedHashMap<>();
      for (PoolAsset a : spec.pool()) {
        long n = precisions.get(a.asset()).floorAtoms(stream.next(a.amount()));
        atoms.put(a.asset(), n);
        if (n > 0) {
          ctx.endow(pool, a.asset(), n);
        }
      }
      List<AccountId> accounts = LegAccounts.open(ctx, stream, spec.legs(), wallet);
      members.add(new Member(pool, accounts, new PoolBudget(limits, atoms, precisions)));
    }
  }

  @Override
  public void defend(AgentContext ctx) {
    for (Member m : members) {
      List<Integer> weak = new ArrayList<>();
      Map<Integer, Double> health = new LinkedHashMap<>();
      for (int i = 0; i < spec.legs().size(); i++) {
        MarginState s = LegAccounts.venue(ctx, spec.legs().get(i)).marginState(m.accounts().get(i));
        if (s.maintenanceRequirement() > 0 && s.health() < spec.topUpBelow()) {
          weak.add(i);
          health.put(i, s.health());
        }
      }
      weak.sort(Comparator.comparingDouble((Integer i) -> health.get(i)).thenComparingInt(i -> i));
      for (int i : weak) {
        topUp(ctx, m, i, health.get(i));
      }
    }
  }

  private void topUp(AgentContext ctx, Member m, int leg, double healthBefore) {
    PerpetualVenue venue = LegAccounts.venue(ctx, spec.legs().get(leg));
    AccountId account = m.accounts().get(leg);
    for (PoolAsset a : spec.pool()) {
      AssetId asset = a.asset();
      MarginState s = venue.marginState(account);
      double need = spec.targetHealth() * s.maintenanceRequirement() - s.equity();
      if (!(need > 0)) {
        return;
      }
      if (!venue.collateralAssets().contains(asset)) {
        continue;
      }
      double price = ctx.marketPrice(asset);
      Precision precision = precisions.get(asset);
      long atoms =
          precision.ceilAtomsAtMost(
              need / price,
              Math.min(m.budget().room(leg, asset, price), ctx.balance(m.pool(), asset)));
      if (atoms <= 0) {
        continue;
      }
      PoolBudget.Draw d = m.budget().take(leg, asset, atoms, price);
      double shared = precision.units(d.common()) * price;
      // Noted before the deposit, while the defended account is as weak as what made it draw.
      for (int j = 0; j < spec.legs().size(); j++) {
        if (j != leg
            && shared > 0
            && m.budget().limits().allowed(asset, j)
            && LegAccounts.venue(ctx, spec.legs().get(j)).collateralAssets().contains(asset)) {
          ctx.noteCollateralDiverted(
              spec.legs().get(j).venue(), m.accounts().get(j), venue.id(), account, shared);
        }
      }
      venue.deposit(m.pool(), account, asset, atoms);
      ctx.emit(
          new PoolTopUp(
              ctx.clock().step(),
              ctx.clock().round(),
              venue.id().value(),
              account.value(),
              m.pool().value(),
              asset.value(),
              precision.units(atoms),
              precision.units(atoms) * price,
              shared,
              healthBefore));
    }
  }
}
