package org.marginfall.core.contagion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * Decides an account's {@link Cause} by decomposing its health change into an exogenous part and
 * the parts each venue's earlier events induced (design.md section 6).
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
 * <p>An oracle with latency publishes what the market was; the decomposition uses the components
 * in the market now, which is exact for oracles that read the market within the tick and an
 * approximation for lagged ones (docs/contagion.md). Stateless apart from its collaborators; not
 * thread-safe.
 */
public final class Attributor {

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
    return attribute(venue, oracles, account, parts(markets, assets), diverted, threshold);
  }

  /** The non-empty price components of {@code assets}, by asset. */
  public static Map<AssetId, SortedMap<Component, Double>> parts(Markets markets, List<AssetId> assets) {
    Map<AssetId, SortedMap<Component, Double>> parts = new TreeMap<>();
    for (AssetId a : assets) {
      SortedMap<Component, Double> c = markets.components(a);
      if (!c.isEmpty()) {
        parts.put(a, c);
      }
    }
    return parts;
  }

  /**
   * As {@link #attribute(Venue, Oracles, AccountId, List, SortedMap, Predicate)}, with the price
   * components already computed by {@link #parts}.
   */
  public Cause attribute(
      Venue venue,
      Oracles oracles,
      AccountId account,
      Map<AssetId, SortedMap<Component, Double>> parts,
      SortedMap<Source, Double> diverted,
      Predicate<MarginState> threshold) {
    SortedSet<Source> sources = new TreeSet<>(diverted.keySet());
    parts.values().forEach(c -> c.keySet().forEach(k -> sources.add(k.source())));
    if (sources.isEmpty()) {
      return Cause.EXOGENOUS;
    }
    Evaluation eval = new Evaluation(markets, venue, oracles, account, parts, diverted);
    MarginState exogenous = eval.keeping(k -> false, s -> false);
    if (exogenous == null || threshold.test(exogenous)) {
      return Cause.EXOGENOUS;
    }
    SortedSet<Integer> generations = new TreeSet<>();
    sources.forEach(s -> generations.add(s.generation()));
    for (int k : generations) {
      MarginState upToK = eval.keeping(c -> c.source().generation() <= k, s -> s.generation() <= k);
      if (upToK != null && threshold.test(upToK)) {
        return blame(eval, exogenous, sources, k);
      }
    }
    return Cause.EXOGENOUS;
  }

  /** The venue and kind whose components of generations up to {@code k} take most excess away. */
  private static Cause blame(Evaluation eval, MarginState exogenous, SortedSet<Source> sources, int k) {
    List<VenueId> venues = new ArrayList<>();
    for (Source s : sources) {
      if (s.generation() <= k && !venues.contains(s.venue())) {
        venues.add(s.venue());
      }
    }
    venues.sort(null);
    double base = excess(exogenous);
    VenueId worst = null;
    CauseKind worstKind = null;
    double most = Double.NEGATIVE_INFINITY;
    for (VenueId v : venues) {
      Map<CauseKind, Double> damage = new EnumMap<>(CauseKind.class);
      for (CauseKind kind : List.of(CauseKind.MARKET_IMPACT, CauseKind.NAV_LOSS)) {
        MarginState s =
            eval.keeping(
                c -> c.kind() == kind && c.source().venue().equals(v) && c.source().generation() <= k,
                src -> false);
        damage.put(kind, s == null ? 0 : base - excess(s));
      }
      MarginState w = eval.keeping(c -> false, src -> src.venue().equals(v) && src.generation() <= k);
      damage.put(CauseKind.COLLATERAL_WITHDRAWAL, w == null ? 0 : base - excess(w));
      for (Map.Entry<CauseKind, Double> e : damage.entrySet()) {
        // Strictly greater: ties go to the first venue in id order and the first kind listed.
        if (e.getValue() > most) {
          most = e.getValue();
          worst = v;
          worstKind = e.getKey();
        }
      }
    }
    return new Cause(worstKind.label(), k + 1, worst.value());
  }

  private static double excess(MarginState s) {
    return s.equity() - s.maintenanceRequirement();
  }

  /**
   * Re-marks one account with chosen components kept and the rest removed. The components are
   * flattened into arrays once per attribution, since one attribution re-marks many times.
   */
  private static final class Evaluation {
    private final Markets markets;
    private final Venue venue;
    private final Oracles oracles;
    private final AccountId account;
    private final Map<AssetId, Integer> index = new HashMap<>();
    private final Component[][] components;
    private final double[][] values;
    private final Source[] divertedSources;
    private final double[] divertedValues;
    private final double[] factor;

    Evaluation(
        Markets markets,
        Venue venue,
        Oracles oracles,
        AccountId account,
        Map<AssetId, SortedMap<Component, Double>> parts,
        SortedMap<Source, Double> diverted) {
      this.markets = markets;
      this.venue = venue;
      this.oracles = oracles;
      this.account = account;
      int n = parts.size();
      components = new Component[n][];
      values = new double[n][];
      factor = new double[n];
      int i = 0;
      for (Map.Entry<AssetId, SortedMap<Component, Double>> e : parts.entrySet()) {
        index.put(e.getKey(), i);
        components[i] = e.getValue().keySet().toArray(new Component[0]);
        values[i] = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
        i++;
      }
      divertedSources = diverted.keySet().toArray(new Source[0]);
      divertedValues = diverted.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    MarginState keeping(Predicate<Component> keepPrice, Predicate<Source> keepWithdrawal) {
      for (int i = 0; i < components.length; i++) {
        double removed = 0;
        for (int j = 0; j < components[i].length; j++) {
          if (!keepPrice.test(components[i][j])) {
            removed += values[i][j];
          }
        }
        factor[i] = removed == 0 ? 1.0 : StrictMath.exp(-removed);
      }
      ToDoubleFunction<AssetId> f =
          a -> {
            Integer i = index.get(a);
            return i == null ? 1.0 : factor[i];
          };
      MarginState s =
          markets.counterfactual(f, () -> oracles.counterfactual(f, () -> venue.marginStateNow(account)));
      if (s == null) {
        return null;
      }
      double back = 0;
      for (int i = 0; i < divertedSources.length; i++) {
        if (!keepWithdrawal.test(divertedSources[i])) {
          back += divertedValues[i];
        }
      }
      return back == 0 ? s : new MarginState(s.equity() + back, s.initialRequirement(), s.maintenanceRequirement());
    }
  }
}
