package org.marginfall.agents.cdp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.DebtAuctions;
import org.marginfall.core.venue.DebtLot;
import org.marginfall.core.venue.Venue;

/**
 * Debt-auction keepers (Maker's flop auctions; in March 2020 anyone running an auction keeper could
 * bid, https://blog.makerdao.com/mkr-debt-auction-announcement-and-details/). Once a tick each
 * keeper, in turn, offers the auction's fixed bid for the smallest lot it accepts, the bid over the
 * minted asset's market price less its {@code margin}, wherever that lot is at least the minimum
 * decrease below the current one and it has the bid in cash. Keepers keep what they win. Mutable
 * and not thread-safe.
 */
public final class FlopKeepers implements Population {

  private final FlopKeepersSpec spec;
  private final RandomStream stream;
  private AccountId[] keepers;
  private double[] margins;
  private long[] capital;
  private DebtAuctions auctions;
  private Precision cash;
  private long landed;

  /** The minted asset, known from the first debt auction seen. */
  private AssetId gem;

  private double gemWon;
  private double gemBid;
  private double baseSpent;
  private double baseWon;

  FlopKeepers(FlopKeepersSpec spec, RandomStream stream) {
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
    if (!(v instanceof DebtAuctions debt)) {
      throw new IllegalStateException(
          "population " + spec.id() + ": venue " + spec.venue() + " runs no debt auctions");
    }
    auctions = debt;
    cash = ctx.precision(ctx.baseCurrency());
    keepers = new AccountId[spec.count()];
    margins = new double[spec.count()];
    capital = new long[spec.count()];
    for (int k = 0; k < keepers.length; k++) {
      keepers[k] = AgentAccounts.member(spec.id(), k, keepers.length, 3);
      ctx.openAccount(keepers[k]);
      capital[k] = cash.floorAtoms(stream.next(spec.capital()));
      ctx.endow(keepers[k], ctx.baseCurrency(), capital[k]);
      margins[k] = stream.next(spec.margin());
    }
  }

  /** Bids once a tick: the venue kicks debt auctions while it settles, so they wait a tick. */
  @Override
  public void arbitrage(AgentContext ctx) {
    for (int k = 0; k < keepers.length; k++) {
      for (DebtLot lot : auctions.debtLots(keepers[k])) {
        if (!lot.highBidder() && bid(ctx, k, lot)) {
          landed++;
        }
      }
    }
    observe(ctx);
  }

  /** Keeper {@code k}'s smallest acceptable lot, if it is a valid bid it can pay. */
  private boolean bid(AgentContext ctx, int k, DebtLot lot) {
    Precision units = ctx.precision(lot.gem());
    double value = ctx.marketPrice(lot.gem()) * (1 - margins[k]);
    if (!(value > 0) || ctx.balance(keepers[k], ctx.baseCurrency()) < lot.bid()) {
      return false;
    }
    long atoms = units.ceilAtoms(cash.units(lot.bid()) / value);
    if (atoms <= 0 || lot.beg() * atoms > lot.atoms()) {
      return false;
    }
    return auctions.dentDebt(lot.id(), keepers[k], atoms);
  }

  /** What the keepers hold now: the minted asset won, the lots they lead, the cash spent. */
  private void observe(AgentContext ctx) {
    double won = 0;
    double bid = 0;
    double spent = 0;
    double leading = 0;
    for (int k = 0; k < keepers.length; k++) {
      spent += cash.units(capital[k] - ctx.balance(keepers[k], ctx.baseCurrency()));
      for (DebtLot lot : auctions.debtLots(keepers[k])) {
        gem = lot.gem();
        if (lot.highBidder()) {
          bid += ctx.precision(lot.gem()).units(lot.atoms());
          leading += cash.units(lot.bid());
        }
      }
    }
    if (gem != null) {
      for (AccountId keeper : keepers) {
        won += ctx.precision(gem).units(ctx.balance(keeper, gem));
      }
    }
    gemWon = won;
    gemBid = bid;
    baseSpent = spent;
    baseWon = spent - leading;
  }

  /**
   * {@code bidsLanded}: bids that landed; {@code gemWon}: units of the minted asset the keepers
   * were dealt; {@code gemBid}: units the auctions they lead will mint to them unless outbid;
   * {@code baseSpent}: base currency they paid and were not paid back (auctions won and led);
   * {@code priceWon}: base currency paid per unit won, over the auctions dealt. As of the last
   * tick's bidding.
   */
  @Override
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("bidsLanded", (double) landed);
    m.put("gemWon", gemWon);
    m.put("gemBid", gemBid);
    m.put("baseSpent", baseSpent);
    m.put("priceWon", gemWon > 0 ? baseWon / gemWon : 0);
    return m;
  }
}
