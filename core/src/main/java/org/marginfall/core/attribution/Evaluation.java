package org.marginfall.core.attribution;

import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;

/**
 * Re-marks one account with chosen components kept and the rest removed, for one attribution: the
 * market prices the venue reads lose the components in the market now, its oracle prices the
 * components of the prices they were computed from. The components come flattened from a {@link
 * ComponentTable} shared by every attribution at the same version; only the account's diverted
 * collateral is laid out here.
 *
 * <p>Mutable scratch state, not thread-safe.
 */
final class Evaluation {

  /** A venue with no price components: matches no component. */
  private static final int NOWHERE = -2;

  private final Markets markets;
  private final ComponentTable table;
  private final SourceSet sources;

  /**
   * By venue index in {@link #sources}: its index in the table's sources, or null when the same.
   */
  private final int[] tableVenue;

  private final int[] divertedVenue;
  private final int[] divertedGeneration;
  private final double[] divertedValue;
  private final double[] scratch;

  /** The factors of the re-mark under way, by table row. */
  private double[] factor;

  // Built once: a re-mark runs inside both price adjustments, many times per attribution.
  private final ToDoubleFunction<AssetId> factorOf = this::factorOf;
  private final ToDoubleFunction<OracleFeed> feedFactorOf = this::feedFactorOf;
  private final Supplier<MarginState> mark;
  private final Supplier<MarginState> markAtOracles;

  Evaluation(
      Markets markets,
      Venue venue,
      Oracles oracles,
      AccountId account,
      ComponentTable table,
      SortedMap<Source, Double> diverted) {
    this.markets = markets;
    this.table = table;
    this.scratch = new double[table.rowCount()];
    this.mark = () -> venue.marginStateNow(account);
    this.markAtOracles = () -> oracles.counterfactual(feedFactorOf, mark);
    int n = diverted.size();
    divertedVenue = new int[n];
    divertedGeneration = new int[n];
    divertedValue = new double[n];
    if (n == 0) {
      sources = table.sources();
      tableVenue = null;
      return;
    }
    SourceSet.Builder b = table.sources().toBuilder();
    int i = 0;
    for (Map.Entry<Source, Double> e : diverted.entrySet()) {
      divertedVenue[i] = b.add(e.getKey().venue(), e.getKey().generation());
      divertedGeneration[i] = e.getKey().generation();
      divertedValue[i] = e.getValue();
      i++;
    }
    int[] order = new int[b.venueCount()];
    sources = b.build(order);
    for (int j = 0; j < n; j++) {
      divertedVenue[j] = order[divertedVenue[j]];
    }
    tableVenue = new int[sources.venueCount()];
    for (int v = 0; v < tableVenue.length; v++) {
      int t = table.sources().indexOf(sources.venue(v));
      tableVenue[v] = t < 0 ? NOWHERE : t;
    }
  }

  /** The sources of the components and of the diverted collateral. */
  SourceSet sources() {
    return sources;
  }

  /**
   * The account's margin state with the price components {@code price} keeps and the diverted
   * collateral {@code withdrawal} keeps still away, or null if the venue has no such account.
   */
  MarginState keeping(Keep price, Keep withdrawal) {
    int v =
        price.venue() == Keep.ANY || tableVenue == null ? price.venue() : tableVenue[price.venue()];
    factor = table.factors(price, v, scratch);
    MarginState s = markets.counterfactual(factorOf, markAtOracles);
    if (s == null) {
      return null;
    }
    double back = 0;
    for (int i = 0; i < divertedValue.length; i++) {
      boolean kept =
          divertedGeneration[i] <= withdrawal.maxGeneration()
              && (withdrawal.venue() == Keep.ANY || divertedVenue[i] == withdrawal.venue());
      if (!kept) {
        back += divertedValue[i];
      }
    }
    return back == 0
        ? s
        : new MarginState(s.equity() + back, s.initialRequirement(), s.maintenanceRequirement());
  }

  private double factorOf(AssetId asset) {
    int i = table.row(asset);
    return i < 0 ? 1.0 : factor[i];
  }

  private double feedFactorOf(OracleFeed feed) {
    int i = table.row(feed);
    return i < 0 ? 1.0 : factor[i];
  }
}
