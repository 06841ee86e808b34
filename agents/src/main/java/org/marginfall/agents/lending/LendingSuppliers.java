package org.marginfall.agents.lending;

import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * Lenders who supply to a lending venue at set-up and hold their receipts, so their wealth is the
 * receipts' NAV: interest raises it, socialised bad debt cuts it.
 *
 * <p>Supplier {@code k} draws, for each entry of {@code supplies} in order and from the
 * population's own stream {@code agents/<id>}, the units it supplies, brings them in and supplies
 * them. A supply the venue refuses (a supply cap reached) stays in the supplier's wallet. Mutable
 * (accounts are opened at set-up) and not thread-safe.
 */
public final class LendingSuppliers implements Population {

  private final LendingSuppliersSpec spec;
  private final RandomStream stream;

  LendingSuppliers(LendingSuppliersSpec spec, RandomStream stream) {
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
    if (!(v instanceof LendingVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a lending venue");
    }
    List<Precision> precisions =
        spec.supplies().stream().map(s -> ctx.precision(s.asset())).toList();
    for (int k = 0; k < spec.count(); k++) {
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      for (int i = 0; i < spec.supplies().size(); i++) {
        SupplyAmount s = spec.supplies().get(i);
        long atoms = precisions.get(i).floorAtoms(stream.next(s.amount()));
        if (atoms <= 0) {
          continue;
        }
        ctx.endow(wallet, s.asset(), atoms);
        try {
          venue.supply(wallet, s.asset(), atoms);
        } catch (IllegalStateException capReached) {
          // The reserve is at its supply cap: the supplier keeps the asset, as Aave would revert.
        }
      }
    }
  }
}
