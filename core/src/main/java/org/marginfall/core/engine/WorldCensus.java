package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Markets;
import org.marginfall.core.venue.Venue;

/**
 * What a {@link World} holds after set-up, at set-up prices read without side effects: every
 * asset's supply with its value bound, and the scenario entry holding the most. Reads only.
 */
final class WorldCensus {

  private final List<Asset> assets;
  private final AssetId base;
  private final Ledger ledger;
  private final Markets markets;

  WorldCensus(List<Asset> assets, AssetId base, Ledger ledger, Markets markets) {
    this.assets = assets;
    this.base = base;
    this.ledger = ledger;
    this.markets = markets;
  }

  /** Every asset's supply after set-up, in scenario order, with the value bound of each. */
  List<LedgerRange.Supply> supplies() {
    List<double[]> rows = new ArrayList<>();
    double totalValue = 0;
    for (Asset a : assets) {
      double units = ledger.precision(a.id()).units(ledger.supply(a.id()));
      // Read without side effects: Markets.price would move a secondary market to its NAV.
      double price =
          a.id().equals(base)
              ? 1
              : markets.isDerived(a.id())
                  ? markets.nav(a.id())
                  : a.kind() == AssetKind.SPOT ? markets.market(a.id()).price() : 0;
      rows.add(new double[] {units, price});
      totalValue += price > 0 ? units * price : 0;
    }
    List<LedgerRange.Supply> out = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      double[] r = rows.get(i);
      Asset a = assets.get(i);
      Asset counted = a.withDecimals(ledger.precision(a.id()).decimals());
      out.add(new LedgerRange.Supply(counted, r[0], r[1] > 0 ? totalValue / r[1] : 0));
    }
    return out;
  }

  /**
   * The scenario entry whose accounts hold the most value after set-up, at set-up prices: {@code
   * {"agents[i]", "population <id>"}} or {@code {"venues[i]", "venue <id>"}}; null when no entry
   * holds anything. An account belongs to the population named in its path (a trader's margin
   * account on a venue, {@code perp/accounts/traders/0001}), otherwise to the venue it starts with.
   */
  String[] largestHolder(List<Population> populations, List<Venue> venues) {
    double[] price = new double[assets.size()];
    for (int a = 0; a < assets.size(); a++) {
      AssetId id = assets.get(a).id();
      price[a] =
          id.equals(base)
              ? 1
              : markets.isDerived(id)
                  ? markets.nav(id)
                  : assets.get(a).kind() == AssetKind.SPOT ? markets.market(id).price() : 0;
    }
    Map<String, Double> held = heldByOwner(populations, price);
    String[] best = null;
    double most = 0;
    for (int i = 0; i < populations.size(); i++) {
      double v = held.getOrDefault(populations.get(i).id(), 0.0);
      if (v > most) {
        most = v;
        best = new String[] {World.populationEntry(i), "population " + populations.get(i).id()};
      }
    }
    for (int i = 0; i < venues.size(); i++) {
      double v = held.getOrDefault(venues.get(i).id().value(), 0.0);
      if (v > most) {
        most = v;
        best = new String[] {World.venueEntry(i), "venue " + venues.get(i).id()};
      }
    }
    return best;
  }

  /** The value of every account at {@code price} (per asset, scenario order), summed by owner. */
  private Map<String, Double> heldByOwner(List<Population> populations, double[] price) {
    Set<String> populationIds = new HashSet<>();
    populations.forEach(p -> populationIds.add(p.id()));
    Map<String, Double> held = new LinkedHashMap<>();
    for (AccountId account : ledger.accounts()) {
      String[] path = account.value().split("/");
      String owner = path[0];
      for (String segment : path) {
        if (populationIds.contains(segment)) {
          owner = segment;
          break;
        }
      }
      double value = 0;
      for (int a = 0; a < assets.size(); a++) {
        long b = ledger.balance(account, assets.get(a).id());
        if (b > 0 && price[a] > 0) {
          value += ledger.precision(assets.get(a).id()).units(b) * price[a];
        }
      }
      held.merge(owner, value, Double::sum);
    }
    return held;
  }
}
