package org.marginfall.core.attribution;

import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.CauseKind;
import org.marginfall.core.contagion.Component;
import org.marginfall.core.contagion.PriceRecipe;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;

/**
 * Decides an account's {@link Cause} by decomposing its health change into an exogenous part and
 * the parts each venue's earlier events induced (docs/contagion.md, "Attribution: cause and
 * generation").
 *
 * <p>Every endogenous move the engine tracks is a {@link Component}: the liquidation impact of one
 * source (venue and generation) in a market, a drop of a derived asset's loss index, or collateral
 * a pool or an agent took away from the account for a position elsewhere. The venue re-marks the
 * account with some components removed from its oracle prices (each price divided by {@code e^c}
 * for the removed log moves {@code c}) and the diverted collateral added back to its equity:
 *
 * <ol>
 *   <li>generation 0 if the account crosses the threshold with every component removed (the
 *       exogenous move alone did it);
 *   <li>otherwise generation {@code k + 1} for the smallest {@code k} such that keeping the
 *       components of generations up to {@code k} makes it cross; the cause venue is the venue
 *       among those whose components alone take most excess margin (equity minus requirement) away,
 *       and the channel is the kind of move that takes most.
 * </ol>
 *
 * <p>Market prices the venue reads lose the components in the market now; oracle prices lose the
 * components of the market prices they were computed from, as each feed's {@link PriceRecipe}
 * records them (latency, heartbeat hold, TWAP, median, bounds), so what is removed is what is in
 * the price the venue used (docs/contagion.md). Stateless apart from its collaborators; not
 * thread-safe.
 */
public final class Attributor {

  /** The kinds of price move blamed, in the order that wins ties. */
  private static final CauseKind[] PRICE_KINDS = {CauseKind.MARKET_IMPACT, CauseKind.NAV_LOSS};

  private final Markets markets;

  /** Creates an attributor reading the components of {@code markets}. */
  public Attributor(Markets markets) {
    this.markets = markets;
  }

  /**
   * The cause of {@code account} on {@code venue} crossing {@code threshold}.
   *
   * @param venue the venue
   * @param oracles the oracles the venue reads
   * @param account the venue account
   * @param assets the assets whose prices the venue may read
   * @param diverted collateral value taken from the account by source, in base currency
   * @param threshold whether a margin state has crossed (e.g. {@link MarginState#liquidatable})
   * @return the cause; generation 0 also when the venue has no such account or the state does not
   *     cross even with every component in place
   */
  public Cause attribute(
      Venue venue,
      Oracles oracles,
      AccountId account,
      List<AssetId> assets,
      SortedMap<Source, Double> diverted,
      Predicate<MarginState> threshold) {
    return attribute(
        venue,
        oracles,
        account,
        ComponentTable.of(markets, assets, venue.id(), oracles),
        diverted,
        threshold);
  }

  /**
   * As {@link #attribute(Venue, Oracles, AccountId, List, SortedMap, Predicate)}, with the price
   * components of the venue's prices already flattened by {@link ComponentTable#of} (once per
   * components and publications version).
   */
  public Cause attribute(
      Venue venue,
      Oracles oracles,
      AccountId account,
      ComponentTable parts,
      SortedMap<Source, Double> diverted,
      Predicate<MarginState> threshold) {
    Evaluation eval = new Evaluation(markets, venue, oracles, account, parts, diverted);
    SourceSet sources = eval.sources();
    if (sources.isEmpty()) {
      return Cause.EXOGENOUS;
    }
    MarginState exogenous = eval.keeping(Keep.NOTHING, Keep.NOTHING);
    if (exogenous == null || threshold.test(exogenous)) {
      return Cause.EXOGENOUS;
    }
    for (int g = 0; g < sources.generationCount(); g++) {
      int k = sources.generation(g);
      MarginState upToK = eval.keeping(Keep.upTo(k), Keep.upTo(k));
      if (upToK != null && threshold.test(upToK)) {
        return blame(eval, exogenous, k);
      }
    }
    return Cause.EXOGENOUS;
  }

  /** The venue and kind whose components of generations up to {@code k} take most excess away. */
  private static Cause blame(Evaluation eval, MarginState exogenous, int k) {
    SourceSet sources = eval.sources();
    double base = excess(exogenous);
    int worst = -1;
    CauseKind worstKind = null;
    double most = Double.NEGATIVE_INFINITY;
    // Venues in id order, kinds in the order listed; strictly greater, so ties go to the first.
    for (int v = 0; v < sources.venueCount(); v++) {
      if (sources.firstGeneration(v) > k) {
        continue;
      }
      for (CauseKind kind : PRICE_KINDS) {
        MarginState s = eval.keeping(Keep.only(v, kind, k), Keep.NOTHING);
        double damage = s == null ? 0 : base - excess(s);
        if (damage > most) {
          most = damage;
          worst = v;
          worstKind = kind;
        }
      }
      MarginState w = eval.keeping(Keep.NOTHING, Keep.only(v, k));
      double damage = w == null ? 0 : base - excess(w);
      if (damage > most) {
        most = damage;
        worst = v;
        worstKind = CauseKind.COLLATERAL_WITHDRAWAL;
      }
    }
    if (worstKind == null) {
      // No counterfactual margin was a number to compare (a price moved beyond what a double
      // holds once a component is removed): blame the price move of the first venue in play.
      for (int v = 0; v < sources.venueCount() && worstKind == null; v++) {
        if (sources.firstGeneration(v) <= k) {
          worst = v;
          worstKind = CauseKind.MARKET_IMPACT;
        }
      }
      if (worstKind == null) {
        return Cause.EXOGENOUS;
      }
    }
    return new Cause(worstKind.label(), k + 1, sources.venue(worst).value());
  }

  private static double excess(MarginState s) {
    return s.equity() - s.maintenanceRequirement();
  }
}
